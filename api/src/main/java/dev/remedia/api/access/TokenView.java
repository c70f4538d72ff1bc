package dev.remedia.api.access;

import dev.remedia.activities.store.StoredApiToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A token as {@code GET /api/tokens} lists it: never its value or its hash. */
@Serdeable
record TokenView(
    String id,
    String name,
    String role,
    @Nullable String person,
    Instant createdAt,
    String createdBy,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  static TokenView of(StoredApiToken token) {
    return new TokenView(
        token.id().toString(), token.name(), token.role(), token.person(), token.createdAt(), token.createdBy(),
        token.lastUsedAt(), token.revokedAt());
  }

  @Serdeable
  record Listing(List<TokenView> items) {}
}
