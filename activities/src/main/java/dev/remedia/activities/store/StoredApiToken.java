package dev.remedia.activities.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as the read model holds it: everything but its value, which is never stored.
 *
 * @param role the role's name as the API spells it ({@code viewer}, {@code operator}, ...)
 * @param person the person in the operator configuration the token acts as, or null
 * @param createdBy who created it, as the audit log names actors
 * @param lastUsedAt when it last authenticated a request, to the minute; null if never
 * @param revokedAt when it was revoked, or null while it is live
 */
public record StoredApiToken(
    UUID id,
    String name,
    String role,
    String person,
    Instant createdAt,
    String createdBy,
    Instant lastUsedAt,
    Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
