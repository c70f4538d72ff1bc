package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.StoreTimes.utcMillis;
import static dev.remedia.activities.store.generated.Tables.INCIDENTS;
import static dev.remedia.activities.store.generated.Tables.INCIDENT_EVENTS;

import dev.remedia.activities.store.generated.tables.records.IncidentsRecord;
import dev.remedia.workflows.incident.IncidentJournalActivities.IncidentEvent;
import dev.remedia.workflows.incident.IncidentJournalActivities.IncidentRecord;
import dev.remedia.workflows.incident.IncidentStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Incidents as their workflows journal them. A write carries the workflow's whole view with a sequence
 * number and lands only if no newer view is stored. An equal number also lands: the writes of one
 * workflow task share a number, and the later is the newer. When Temporal refuses a workflow task's
 * completion, its rerun writes with a higher number and replaces whatever the refused task wrote,
 * including events the rerun did not produce.
 */
public final class IncidentStore {

  private final DSLContext db;

  public IncidentStore(DSLContext db) {
    this.db = db;
  }

  /** Writes the incident, links its new alerts and records its new events, in one transaction. */
  public void record(IncidentRecord incident) {
    UUID id = UUID.fromString(incident.incidentId());
    db.transaction(
        configuration -> {
          DSLContext tx = configuration.dsl();
          IncidentsRecord row = tx.newRecord(INCIDENTS);
          row.setId(id);
          row.setJournalSeq(incident.seq());
          row.setWorkflowId(incident.workflowId());
          row.setSource(incident.source());
          row.setDedupeKey(incident.dedupeKey());
          row.setStatus(incident.status().name());
          row.setSeverity(incident.severity().name());
          row.setSummary(incident.summary());
          row.setLink(incident.link());
          row.setRoute(incident.route());
          row.setRunbook(incident.runbook());
          row.setEscalationPolicy(incident.escalationPolicy());
          row.setAlertCount(incident.alertCount());
          row.setDuplicateCount(incident.duplicateCount());
          row.setFiringCount(incident.firingCount());
          row.setOpenedAt(utcMillis(incident.openedAtMillis()));
          row.setLastSeenAt(utcMillis(incident.lastSeenAtMillis()));
          row.setAcknowledgedAt(utcMillis(incident.acknowledgedAtMillis()));
          row.setResolvedAt(utcMillis(incident.resolvedAtMillis()));
          row.setClosedAt(utcMillis(incident.closedAtMillis()));
          row.setAcknowledgedBy(incident.acknowledgedBy());
          row.setAcknowledgedVia(incident.acknowledgedVia());
          row.setResolvedBy(incident.resolvedBy());
          row.setResolvedVia(incident.resolvedVia());
          row.setEscalationId(incident.escalationId());
          int applied =
              tx.insertInto(INCIDENTS)
              .set(row)
              .onConflict(INCIDENTS.ID)
              .doUpdate()
              .set(row)
              .where(INCIDENTS.JOURNAL_SEQ.le(incident.seq()))
              .execute();
          AlertStore alerts = new AlertStore(tx);
          alerts.link(id, ids(incident.newAlertIds()), false);
          alerts.link(id, ids(incident.duplicateAlertIds()), true);
          if (applied == 0) {
            return;
          }
          for (IncidentEvent event : incident.events()) {
            tx.insertInto(INCIDENT_EVENTS)
                .set(INCIDENT_EVENTS.INCIDENT_ID, id)
                .set(INCIDENT_EVENTS.SEQ, event.seq())
                .set(INCIDENT_EVENTS.AT, utcMillis(event.atMillis()))
                .set(INCIDENT_EVENTS.KIND, event.kind())
                .set(INCIDENT_EVENTS.DETAIL, event.detail())
                .onConflict(INCIDENT_EVENTS.INCIDENT_ID, INCIDENT_EVENTS.SEQ)
                .doUpdate()
                .set(INCIDENT_EVENTS.AT, utcMillis(event.atMillis()))
                .set(INCIDENT_EVENTS.KIND, event.kind())
                .set(INCIDENT_EVENTS.DETAIL, event.detail())
                .execute();
          }
          // Events a refused workflow task wrote beyond what its rerun produced never happened.
          tx.deleteFrom(INCIDENT_EVENTS)
              .where(INCIDENT_EVENTS.INCIDENT_ID.eq(id), INCIDENT_EVENTS.SEQ.gt(incident.lastEventSeq()))
              .execute();
        });
  }

  /** Links alerts that reached the incident's workflow after the incident closed. */
  public void linkLate(UUID incidentId, List<UUID> alertIds) {
    new AlertStore(db).link(incidentId, alertIds, false);
  }

  /** How many incidents are in each of {@code statuses}; a status nobody is in counts 0. */
  public Map<IncidentStatus, Integer> countByStatus(Set<IncidentStatus> statuses) {
    Map<IncidentStatus, Integer> counts = new EnumMap<>(IncidentStatus.class);
    statuses.forEach(status -> counts.put(status, 0));
    db.select(INCIDENTS.STATUS, DSL.count())
        .from(INCIDENTS)
        .where(INCIDENTS.STATUS.in(statuses.stream().map(Enum::name).toList()))
        .groupBy(INCIDENTS.STATUS)
        .forEach(row -> counts.put(IncidentStatus.valueOf(row.value1()), row.value2()));
    return counts;
  }

  public Optional<StoredIncident> find(UUID id) {
    return db.selectFrom(INCIDENTS).where(INCIDENTS.ID.eq(id)).fetchOptional().map(IncidentStore::toIncident);
  }

  public List<StoredIncidentEvent> events(UUID incidentId) {
    return db.selectFrom(INCIDENT_EVENTS)
        .where(INCIDENT_EVENTS.INCIDENT_ID.eq(incidentId))
        .orderBy(INCIDENT_EVENTS.SEQ)
        .fetch(e -> new StoredIncidentEvent(e.getSeq(), instant(e.getAt()), e.getKind(), e.getDetail()));
  }

  /** A page of incidents; a cursor whose id is not an incident id is an IllegalArgumentException. */
  public IncidentPage list(IncidentQuery query) {
    List<Condition> conditions = new ArrayList<>();
    if (query.status() != null) {
      conditions.add(INCIDENTS.STATUS.eq(query.status()));
    }
    if (query.source() != null) {
      conditions.add(INCIDENTS.SOURCE.eq(query.source()));
    }
    if (query.severity() != null) {
      conditions.add(INCIDENTS.SEVERITY.eq(query.severity()));
    }
    if (query.openedFrom() != null) {
      conditions.add(INCIDENTS.OPENED_AT.ge(utc(query.openedFrom())));
    }
    if (query.openedBefore() != null) {
      conditions.add(INCIDENTS.OPENED_AT.lt(utc(query.openedBefore())));
    }
    if (query.after() != null) {
      conditions.add(
          DSL.row(INCIDENTS.OPENED_AT, INCIDENTS.ID)
              .lt(utc(query.after().at()), UUID.fromString(query.after().id())));
    }
    List<StoredIncident> incidents =
        db.selectFrom(INCIDENTS)
            .where(conditions)
            .orderBy(INCIDENTS.OPENED_AT.desc(), INCIDENTS.ID.desc())
            .limit(query.limit() + 1)
            .fetch(IncidentStore::toIncident);
    return Keyset.page(
        incidents,
        query.limit(),
        last -> new PageCursor(last.openedAt(), last.id().toString()),
        IncidentPage::new);
  }

  private static List<UUID> ids(List<String> ids) {
    return ids.stream().map(UUID::fromString).toList();
  }

  private static StoredIncident toIncident(IncidentsRecord row) {
    return new StoredIncident(
        row.getId(), row.getSource(), row.getDedupeKey(), row.getWorkflowId(), row.getStatus(),
        row.getSeverity(), row.getSummary(), row.getLink(), row.getRoute(), row.getRunbook(),
        row.getEscalationPolicy(), row.getAlertCount(), row.getDuplicateCount(), row.getFiringCount(),
        instant(row.getOpenedAt()), instant(row.getLastSeenAt()), instant(row.getAcknowledgedAt()),
        instant(row.getResolvedAt()), instant(row.getClosedAt()), row.getAcknowledgedBy(),
        row.getAcknowledgedVia(), row.getResolvedBy(), row.getResolvedVia(), row.getEscalationId());
  }
}
