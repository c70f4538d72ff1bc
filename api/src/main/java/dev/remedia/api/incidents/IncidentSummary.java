package dev.remedia.api.incidents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One line of {@code GET /api/incidents}. */
@Serdeable
public record IncidentSummary(
    String id,
    String source,
    String dedupeKey,
    String status,
    String severity,
    @Nullable String summary,
    @Nullable String route,
    long alertCount,
    Instant openedAt,
    @Nullable Instant lastSeenAt,
    @Nullable Instant acknowledgedAt,
    @Nullable Instant resolvedAt,
    @Nullable Instant closedAt) {

  /** A page of incidents; pass {@code next} back as {@code cursor} for the following page. */
  @Serdeable
  public record Page(List<IncidentSummary> items, @Nullable String next) {}
}
