package dev.remedia.api.incidents;

import dev.remedia.api.paging.PageView;
import dev.remedia.api.runs.RunSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/incidents/{id}}: the incident with its newest alerts, the runs it started and its
 * status changes. Times to acknowledge and resolve are in seconds from opening, null until they happen.
 * Who acknowledged or resolved it is a person's name or the monitor's source; how is slack, sms, voice,
 * api, console, or monitor. {@code escalationStartedAt} is when its escalation began paging (its first
 * level is due then), null until it did. {@code pages} are the pages sent for it, newest
 * first, and {@code pagingNotes} what paging met on its way.
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
    @Nullable String acknowledgedBy,
    @Nullable String acknowledgedVia,
    @Nullable Instant resolvedAt,
    @Nullable String resolvedBy,
    @Nullable String resolvedVia,
    @Nullable Instant closedAt,
    @Nullable Long secondsToAcknowledge,
    @Nullable Long secondsToResolve,
    @Nullable String escalationId,
    @Nullable Instant escalationStartedAt,
    List<AlertView> alerts,
    List<RunSummary> runs,
    List<EventView> events,
    List<PageView> pages,
    List<PagingNoteView> pagingNotes) {

  @Serdeable
  public record EventView(int seq, Instant at, String kind, @Nullable String detail) {}

  /** What paging met on its way: a skipped contact, a failed delivery, an opted-out number. */
  @Serdeable
  public record PagingNoteView(String escalationId, Instant at, String kind, @Nullable String detail) {}
}
