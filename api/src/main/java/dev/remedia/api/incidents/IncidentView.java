package dev.remedia.api.incidents;

import dev.remedia.api.runs.RunSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/incidents/{id}}: the incident with its newest alerts, the runs it started and its
 * status changes. Times to acknowledge and resolve are in seconds from opening, null until they happen.
 */
@Serdeable
public record IncidentView(
    String id,
    String source,
    String dedupeKey,
    String workflowId,
    String status,
    String severity,
    @Nullable String summary,
    @Nullable String link,
    @Nullable String route,
    @Nullable String runbook,
    @Nullable String escalationPolicy,
    long alertCount,
    long duplicateCount,
    int firingCount,
    Instant openedAt,
    @Nullable Instant lastSeenAt,
    @Nullable Instant acknowledgedAt,
    @Nullable Instant resolvedAt,
    @Nullable Instant closedAt,
    @Nullable Long secondsToAcknowledge,
    @Nullable Long secondsToResolve,
    List<AlertView> alerts,
    List<RunSummary> runs,
    List<EventView> events) {

  @Serdeable
  public record EventView(int seq, Instant at, String kind, @Nullable String detail) {}
}
