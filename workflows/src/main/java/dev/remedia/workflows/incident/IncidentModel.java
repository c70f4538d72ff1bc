package dev.remedia.workflows.incident;

import dev.remedia.workflows.incident.IncidentJournalActivities.IncidentEvent;
import dev.remedia.workflows.incident.IncidentJournalActivities.IncidentRecord;
import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident's rules, free of Temporal: how alerts fold, resolve, reopen and duplicate. The workflow
 * feeds it batches and journals what it reports.
 */
final class IncidentModel {

  /**
   * A notification that repeats one received this recently (same alert, status and start) is a
   * duplicate: Alertmanager HA peers and monitor retries send the same thing again within seconds,
   * while genuine repeats come after a repeat interval of minutes or hours.
   */
  static final long DUPLICATE_WINDOW_MILLIS = 60_000;

  /** Bounds the state carried across continue-as-new for incidents that group thousands of alerts. */
  static final int MAX_TRACKED_FIRING = 5_000;

  /** How a resolution the monitor sent is recorded, next to slack, sms, voice and api. */
  static final String MONITOR = "monitor";

  private final String incidentId;
  private final String workflowId;
  private final String source;
  private final String dedupeKey;
  private final RouteDecision route;
  private final long openedAtMillis;
  private final Map<String, Long> firing;
  private final Map<String, Long> recent;
  private IncidentStatus status;
  private Severity severity;
  private String summary;
  private String link;
  private long flapWindowSeconds;
  private long alertCount;
  private long duplicateCount;
  private long lastSeenAtMillis;
  private long acknowledgedAtMillis;
  private long resolvedAtMillis;
  private long closedAtMillis;
  private int generation;
  private int eventSeq;
  private String acknowledgedBy;
  private String acknowledgedVia;
  private String resolvedBy;
  private String resolvedVia;
  private int openings;
  private int pagedOpenings;
  private String escalationSubject;
  private boolean escalationSettled;

  private final List<String> newAlertIds = new ArrayList<>();
  private final List<String> duplicateAlertIds = new ArrayList<>();
  private final List<IncidentEvent> newEvents = new ArrayList<>();
  private final List<Settlement> forwards = new ArrayList<>();

  private IncidentModel(IncidentState state) {
    incidentId = state.incidentId();
    workflowId = state.workflowId();
    source = state.source();
    dedupeKey = state.dedupeKey();
    route = state.route() == null ? RouteDecision.unrouted() : state.route();
    openedAtMillis = state.openedAtMillis();
    firing = new LinkedHashMap<>(state.firing());
    recent = new LinkedHashMap<>(state.recent());
    status = state.status();
    severity = state.severity();
    summary = state.summary();
    link = state.link();
    flapWindowSeconds = state.flapWindowSeconds();
    alertCount = state.alertCount();
    duplicateCount = state.duplicateCount();
    lastSeenAtMillis = state.lastSeenAtMillis();
    acknowledgedAtMillis = state.acknowledgedAtMillis();
    resolvedAtMillis = state.resolvedAtMillis();
    generation = state.generation();
    eventSeq = state.eventSeq();
    acknowledgedBy = state.acknowledgedBy();
    acknowledgedVia = state.acknowledgedVia();
    resolvedBy = state.resolvedBy();
    resolvedVia = state.resolvedVia();
    openings = state.openings();
    pagedOpenings = state.pagedOpenings();
    escalationSubject = state.escalationSubject();
    escalationSettled = state.escalationSettled();
  }

  /** Opens an incident for the batch that brought its first firing alert, then applies the batch. */
  static IncidentModel open(String incidentId, String workflowId, AlertBatch first, long now) {
    IncidentModel incident =
        new IncidentModel(
            new IncidentState(
                incidentId, null, workflowId, first.source(), first.dedupeKey(), IncidentStatus.OPEN,
                Severity.UNKNOWN, null, null, first.route(), first.flapWindowSeconds(), 0, 0, now, now,
                0, 0, 0, 0, Map.of(), Map.of(), List.of(), null, null, null, null, 1, 0, null,
                false, List.of()));
    incident.event(now, "opened", openedDetail(first.route()));
    incident.apply(first, now);
    return incident;
  }

  static IncidentModel resume(IncidentState state) {
    return new IncidentModel(state);
  }

  static boolean hasFiring(AlertBatch batch) {
    return batch.alerts().stream().anyMatch(alert -> alert.status() == AlertStatus.FIRING);
  }

  /** Folds one batch into the incident. */
  void apply(AlertBatch batch, long now) {
    flapWindowSeconds = batch.flapWindowSeconds();
    recent.values().removeIf(receivedAt -> now - receivedAt >= DUPLICATE_WINDOW_MILLIS);
    boolean resolutionSeen = false;
    for (AlertNotice alert : batch.alerts()) {
      lastSeenAtMillis = now;
      String signature = alert.identity() + "|" + alert.status() + "|" + alert.startsAtMillis();
      if (recent.containsKey(signature)) {
        duplicateCount++;
        duplicateAlertIds.add(alert.alertId());
        continue;
      }
      recent.put(signature, now);
      alertCount++;
      newAlertIds.add(alert.alertId());
      switch (alert.status()) {
        case FIRING -> fired(alert, now);
        case RESOLVED -> {
          firing.remove(alert.identity());
          resolutionSeen = true;
        }
        case ACKNOWLEDGED ->
            acknowledge(new Settlement(SettleAction.ACKNOWLEDGE, source, source, now, false), now);
      }
    }
    if (resolutionSeen && firing.isEmpty() && isActive()) {
      resolve(new Settlement(SettleAction.RESOLVE, source, MONITOR, now, false), now);
    }
  }

  /**
   * A person acknowledged or resolved the incident. Only the first acknowledgement counts; a settlement
   * that does not change the incident (an acknowledgement after it resolved) is ignored.
   */
  void settle(Settlement settlement, long now) {
    if (settlement.action() == SettleAction.ACKNOWLEDGE) {
      acknowledge(settlement, now);
    } else if (isActive()) {
      resolve(settlement, now);
    }
  }

  private void acknowledge(Settlement settlement, long now) {
    if (status != IncidentStatus.OPEN) {
      return;
    }
    status = IncidentStatus.ACKNOWLEDGED;
    acknowledgedAtMillis = now;
    acknowledgedBy = settlement.by();
    acknowledgedVia = settlement.via();
    event(now, "acknowledged", "by " + settlement.by() + " via " + settlement.via());
    stopPaging(settlement);
  }

  private void resolve(Settlement settlement, long now) {
    status = IncidentStatus.RESOLVED;
    resolvedAtMillis = now;
    resolvedBy = settlement.by();
    resolvedVia = settlement.via();
    event(
        now,
        "resolved",
        MONITOR.equals(settlement.via())
            ? "every alert of the incident resolved"
            : "by " + settlement.by() + " via " + settlement.via());
    stopPaging(settlement);
  }

  /**
   * Passes a settlement to the escalation, unless it came from there (an answered page) or the
   * escalation was already stopped.
   */
  private void stopPaging(Settlement settlement) {
    if (escalationSubject != null && !escalationSettled && !settlement.fromPage()) {
      forwards.add(settlement);
    }
    escalationSettled = true;
  }

  /** Whether the incident is open, unacknowledged and nobody has been paged for this opening yet. */
  boolean needsPaging() {
    return route.escalationPolicy() != null
        && status == IncidentStatus.OPEN
        && pagedOpenings < openings;
  }

  /**
   * Records that paging starts for the current opening and returns the escalation's subject: the
   * incident id, with the opening's number after a reopen so each escalation has its own workflow.
   */
  String startPaging(long now) {
    pagedOpenings = openings;
    escalationSubject = openings <= 1 ? incidentId : incidentId + "." + openings;
    escalationSettled = false;
    event(now, "paging-started", "escalation policy " + route.escalationPolicy());
    return escalationSubject;
  }

  /** Settlements the escalation must hear about since the last call. */
  List<Settlement> takeForwards() {
    List<Settlement> taken = List.copyOf(forwards);
    forwards.clear();
    return taken;
  }

  private void fired(AlertNotice alert, long now) {
    if (firing.containsKey(alert.identity()) || firing.size() < MAX_TRACKED_FIRING) {
      firing.put(alert.identity(), alert.startsAtMillis());
    }
    severity = severity.worse(alert.severity());
    if (summary == null) {
      summary = alert.summary();
    }
    if (link == null) {
      link = alert.link();
    }
    if (status == IncidentStatus.RESOLVED) {
      status = acknowledgedAtMillis > 0 ? IncidentStatus.ACKNOWLEDGED : IncidentStatus.OPEN;
      resolvedAtMillis = 0;
      resolvedBy = null;
      resolvedVia = null;
      if (status == IncidentStatus.OPEN) {
        openings++;
      }
      event(now, "reopened", "alert " + alert.identity() + " fired again within the flap window");
    }
  }

  private boolean isActive() {
    return status == IncidentStatus.OPEN || status == IncidentStatus.ACKNOWLEDGED;
  }

  void close(long now) {
    status = IncidentStatus.CLOSED;
    closedAtMillis = now;
    event(now, "closed", "no alert fired again within the flap window of " + flapWindowSeconds + " s");
  }

  void event(long now, String kind, String detail) {
    newEvents.add(new IncidentEvent(++eventSeq, now, kind, detail));
  }

  /** Whether anything happened since the last {@link #takeRecord}. */
  boolean changed() {
    return !newAlertIds.isEmpty() || !duplicateAlertIds.isEmpty() || !newEvents.isEmpty();
  }

  /**
   * The incident as it now is, with what happened since the previous record; starts a new record.
   *
   * @param historyLength the workflow's history length now. With the execution's generation it makes
   *     the write's sequence number: it grows with every workflow task, so a write from a workflow task
   *     Temporal later refused, or from a stale worker still finishing one, never outranks the write of
   *     the task that replaced it.
   */
  IncidentRecord takeRecord(long historyLength) {
    IncidentRecord record =
        new IncidentRecord(
            incidentId, ((long) generation << 32) + historyLength, workflowId, source, dedupeKey,
            status, severity, summary, link, route.route(), route.runbook(), route.escalationPolicy(), alertCount, duplicateCount,
            firing.size(), openedAtMillis, lastSeenAtMillis, acknowledgedAtMillis, resolvedAtMillis,
            closedAtMillis, List.copyOf(newAlertIds), List.copyOf(duplicateAlertIds),
            List.copyOf(newEvents), eventSeq, acknowledgedBy, acknowledgedVia, resolvedBy, resolvedVia,
            escalationWorkflowId());
    newAlertIds.clear();
    duplicateAlertIds.clear();
    newEvents.clear();
    return record;
  }

  /** The state the next execution goes on from; it is one generation later. */
  IncidentState toState(List<AlertBatch> pending, List<Settlement> pendingSettlements) {
    return new IncidentState(
        incidentId, null, workflowId, source, dedupeKey, status, severity, summary, link, route,
        flapWindowSeconds, alertCount, duplicateCount, openedAtMillis, lastSeenAtMillis,
        acknowledgedAtMillis, resolvedAtMillis, generation + 1, eventSeq, new LinkedHashMap<>(firing),
        new LinkedHashMap<>(recent), new ArrayList<>(pending), acknowledgedBy, acknowledgedVia,
        resolvedBy, resolvedVia, openings, pagedOpenings, escalationSubject, escalationSettled,
        new ArrayList<>(pendingSettlements));
  }

  Severity severity() {
    return severity;
  }

  String summary() {
    return summary;
  }

  String link() {
    return link;
  }

  String workflowId() {
    return workflowId;
  }

  /** The latest escalation's workflow id, or null when the incident never paged. */
  String escalationWorkflowId() {
    return escalationSubject == null ? null : EscalationWorkflow.workflowId(escalationSubject);
  }

  String incidentId() {
    return incidentId;
  }

  RouteDecision route() {
    return route;
  }

  IncidentStatus status() {
    return status;
  }

  /** When a resolved incident closes unless an alert fires again. */
  long closesAtMillis() {
    return resolvedAtMillis + flapWindowSeconds * 1000;
  }

  private static String openedDetail(RouteDecision route) {
    return route.route() == null ? "no route matched" : "route " + route.route();
  }
}
