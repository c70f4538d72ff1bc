package dev.remedia.workflows.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.remedia.workflows.paging.Settlement;
import java.util.List;
import java.util.Map;

/**
 * What an incident workflow hands to its next execution when it continues as new.
 *
 * @param incidentId the open incident, or null when the previous execution closed its incident and
 *     the pending alerts belong to the next one
 * @param previousIncidentId the incident the previous execution closed, so late resolutions can be
 *     linked to it; null otherwise
 * @param firing identity → start time of each alert still firing
 * @param recent duplicate signature → when it was last received, for the duplicate window
 * @param generation how many times the incident continued as new; orders its journal writes
 * @param pending batches received but not yet handled, handled first by the next execution
 * @param openings how many times the incident opened or reopened unacknowledged; each opening pages
 * @param pagedOpenings the opening the latest escalation was started for
 * @param escalationSubject the latest escalation's subject id, or null when it never paged
 * @param escalationSettled whether the latest escalation was told to stop, or told the incident
 * @param pendingSettlements settlements received but not yet handled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentState(
    String incidentId,
    String previousIncidentId,
    String workflowId,
    String source,
    String dedupeKey,
    IncidentStatus status,
    Severity severity,
    String summary,
    String link,
    RouteDecision route,
    long flapWindowSeconds,
    long alertCount,
    long duplicateCount,
    long openedAtMillis,
    long lastSeenAtMillis,
    long acknowledgedAtMillis,
    long resolvedAtMillis,
    int generation,
    int eventSeq,
    Map<String, Long> firing,
    Map<String, Long> recent,
    List<AlertBatch> pending,
    String acknowledgedBy,
    String acknowledgedVia,
    String resolvedBy,
    String resolvedVia,
    int openings,
    int pagedOpenings,
    String escalationSubject,
    boolean escalationSettled,
    List<Settlement> pendingSettlements) {

  public IncidentState {
    pending = pending == null ? List.of() : pending;
    pendingSettlements = pendingSettlements == null ? List.of() : pendingSettlements;
  }

  /** The start of the execution after a closed incident: only the alerts that arrived meanwhile. */
  static IncidentState afterClose(String closedIncidentId, List<AlertBatch> pending) {
    return new IncidentState(
        null, closedIncidentId, null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0,
        0, Map.of(), Map.of(), pending, null, null, null, null, 0, 0, null, false, List.of());
  }
}
