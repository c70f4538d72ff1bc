package dev.remedia.api.reports;

import static dev.remedia.activities.store.generated.Tables.ALERTS;
import static dev.remedia.activities.store.generated.Tables.ESCALATIONS;
import static dev.remedia.activities.store.generated.Tables.INCIDENTS;
import static dev.remedia.activities.store.generated.Tables.PAGES;
import static dev.remedia.activities.store.generated.Tables.RUNS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Writes a history into the read model as the journals would have left it: incidents with their alerts,
 * escalations with their pages, and runs. Only the columns the SLA report reads carry meaning.
 */
final class SlaHistory {

  private final DSLContext db;

  SlaHistory(DSLContext db) {
    this.db = db;
  }

  /** An incident opened at {@code opened}; settle it with {@link #acknowledged} and {@link #resolved}. */
  UUID incident(Instant opened, String route, String runbook) {
    UUID id = UUID.randomUUID();
    db.insertInto(INCIDENTS)
        .set(INCIDENTS.ID, id)
        .set(INCIDENTS.SOURCE, "alertmanager")
        .set(INCIDENTS.DEDUPE_KEY, id.toString())
        .set(INCIDENTS.WORKFLOW_ID, "incident/alertmanager/" + id)
        .set(INCIDENTS.STATUS, "OPEN")
        .set(INCIDENTS.OPENED_AT, opened.atOffset(ZoneOffset.UTC))
        .set(INCIDENTS.ROUTE, route)
        .set(INCIDENTS.RUNBOOK, runbook)
        .execute();
    return id;
  }

  void acknowledged(UUID incident, long afterSeconds, String by, String via) {
    db.update(INCIDENTS)
        .set(INCIDENTS.ACKNOWLEDGED_AT, openedAt(incident).plusSeconds(afterSeconds).atOffset(ZoneOffset.UTC))
        .set(INCIDENTS.ACKNOWLEDGED_BY, by)
        .set(INCIDENTS.ACKNOWLEDGED_VIA, via)
        .where(INCIDENTS.ID.eq(incident))
        .execute();
  }

  void resolved(UUID incident, long afterSeconds, String by, String via) {
    db.update(INCIDENTS)
        .set(INCIDENTS.STATUS, "RESOLVED")
        .set(INCIDENTS.RESOLVED_AT, openedAt(incident).plusSeconds(afterSeconds).atOffset(ZoneOffset.UTC))
        .set(INCIDENTS.RESOLVED_BY, by)
        .set(INCIDENTS.RESOLVED_VIA, via)
        .where(INCIDENTS.ID.eq(incident))
        .execute();
  }

  /** An alert of the incident received {@code afterSeconds} after it opened, with these labels (JSON). */
  void alert(UUID incident, long afterSeconds, String labelsJson) {
    db.insertInto(ALERTS)
        .set(ALERTS.ID, UUID.randomUUID())
        .set(ALERTS.INCIDENT_ID, incident)
        .set(ALERTS.SOURCE, "alertmanager")
        .set(ALERTS.DEDUPE_KEY, incident.toString())
        .set(ALERTS.STATUS, "FIRING")
        .set(ALERTS.LABELS, JSONB.valueOf(labelsJson))
        .set(ALERTS.RECEIVED_AT, openedAt(incident).plusSeconds(afterSeconds).atOffset(ZoneOffset.UTC))
        .execute();
  }

  /** An escalation for an incident, or for a run that paged by itself (incident null). */
  String escalation(UUID incident, String runId) {
    String id = "escalation/" + UUID.randomUUID();
    db.insertInto(ESCALATIONS)
        .set(ESCALATIONS.ID, id)
        .set(ESCALATIONS.SUBJECT_ID, incident == null ? runId : incident.toString())
        .set(ESCALATIONS.INCIDENT_ID, incident == null ? null : incident.toString())
        .set(ESCALATIONS.RUN_ID, runId)
        .set(ESCALATIONS.POLICY, "critical")
        .set(ESCALATIONS.PLAN, JSONB.valueOf("{}"))
        .set(ESCALATIONS.STATUS, "SETTLED")
        .set(ESCALATIONS.STARTED_AT, Instant.parse("2025-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
        .execute();
    return id;
  }

  void page(String escalation, UUID incident, Instant created, String channel, String status, String person) {
    db.insertInto(PAGES)
        .set(PAGES.ID, UUID.randomUUID().toString())
        .set(PAGES.ESCALATION_ID, escalation)
        .set(PAGES.INCIDENT_ID, incident == null ? null : incident.toString())
        .set(PAGES.ROUND, 1)
        .set(PAGES.LEVEL, 1)
        .set(PAGES.PERSON, person)
        .set(PAGES.CHANNEL, channel)
        .set(PAGES.ADDRESS, "U0" + person)
        .set(PAGES.STATUS, status)
        .set(PAGES.CREATED_AT, created.atOffset(ZoneOffset.UTC))
        .set(PAGES.UPDATED_AT, created.atOffset(ZoneOffset.UTC))
        .execute();
  }

  String run(String runbook, String status, Instant created, UUID incident) {
    String id = runbook + "-" + UUID.randomUUID();
    db.insertInto(RUNS)
        .set(RUNS.ID, id)
        .set(RUNS.RUNBOOK, runbook)
        .set(RUNS.STATUS, status)
        .set(RUNS.INPUT, JSONB.valueOf("{}"))
        .set(RUNS.INCIDENT_ID, incident)
        .set(RUNS.CREATED_AT, created.atOffset(ZoneOffset.UTC))
        .execute();
    return id;
  }

  private Instant openedAt(UUID incident) {
    return db.select(INCIDENTS.OPENED_AT).from(INCIDENTS).where(INCIDENTS.ID.eq(incident)).fetchOne().value1().toInstant();
  }
}
