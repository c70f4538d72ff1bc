package dev.remedia.api.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code GET /api/audit}: who did what to which object, from where, when, and how it
 * ended.
 *
 * @param remoteAddress the peer's address, or null for actions Remedia took itself
 * @param detail more facts (a reason, a refusal's cause, what a webhook delivered), or null
 */
@Serdeable
public record AuditView(
    long id,
    Instant at,
    String actor,
    String action,
    String objectType,
    String objectId,
    @Nullable String remoteAddress,
    String outcome,
    @Nullable JsonNode detail) {

  /** A page of entries; pass {@code next} back as {@code cursor} for the following page. */
  @Serdeable
  public record Page(List<AuditView> items, @Nullable String next) {}
}
