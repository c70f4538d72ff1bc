package dev.remedia.workflows.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;
import java.util.Map;

/**
 * Writes incidents to the read model. Every write carries the workflow's whole view and a sequence
 * number, so a retried, replayed or late write never leaves the read model behind the workflow.
 */
@ActivityInterface
public interface IncidentJournalActivities {

  /** Creates or updates the incident, links its new alerts and appends its new events. */
  @ActivityMethod(name = "IncidentJournal.Record")
  void record(IncidentRecord record);

  /** Links alerts to an incident without changing it: resolutions that arrived after it closed. */
  @ActivityMethod(name = "IncidentJournal.LinkAlerts")
  void linkAlerts(String incidentId, List<String> alertIds);

  /** Records that the incident started a runbook run, before the run starts. */
  @ActivityMethod(name = "IncidentJournal.RunStarted")
  void runStarted(RunLink link);

  /**
   * The incident as the workflow sees it after handling some alerts.
   *
   * @param seq orders the writes of this incident: a write with a lower number is older
   * @param newAlertIds alerts handled since the previous write, counted
   * @param duplicateAlertIds alerts handled since the previous write that repeated one just seen
   * @param events what happened since the previous write, in order
   * @param lastEventSeq the number of the incident's latest event, in this write or before
   * @param acknowledgedBy who acknowledged (a person, or the monitor's source), or null
   * @param acknowledgedVia how: slack, sms, voice, api, console or the monitor's source
   * @param escalationId the workflow id of the incident's latest escalation, or null when it never paged
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record IncidentRecord(
      String incidentId,
      long seq,
      String workflowId,
      String source,
      String dedupeKey,
      IncidentStatus status,
      Severity severity,
      String summary,
      String link,
      String route,
      String runbook,
      String escalationPolicy,
      long alertCount,
      long duplicateCount,
      int firingCount,
      long openedAtMillis,
      long lastSeenAtMillis,
      long acknowledgedAtMillis,
      long resolvedAtMillis,
      long closedAtMillis,
      List<String> newAlertIds,
      List<String> duplicateAlertIds,
      List<IncidentEvent> events,
      int lastEventSeq,
      String acknowledgedBy,
      String acknowledgedVia,
      String resolvedBy,
      String resolvedVia,
      String escalationId) {}

  /** One moment in an incident's life; {@code seq} numbers the events of one incident. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record IncidentEvent(int seq, long atMillis, String kind, String detail) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RunLink(
      String incidentId, String runId, String runbook, Map<String, Object> input, long atMillis) {}
}
