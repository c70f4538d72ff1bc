package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.ALERTS;

import dev.remedia.activities.store.generated.tables.records.AlertsRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Alerts as webhooks delivered them. The webhook stores them before it signals their incident, so the
 * raw payload is safe before the monitor hears 202; the incident workflow links them afterwards.
 */
public final class AlertStore {

  private final DSLContext db;

  public AlertStore(DSLContext db) {
    this.db = db;
  }

  /** Stores the alerts of one delivery in one statement. */
  public void insert(List<NewAlert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    var insert =
        db.insertInto(
            ALERTS, ALERTS.ID, ALERTS.SOURCE, ALERTS.DEDUPE_KEY, ALERTS.IDENTITY, ALERTS.WORKFLOW_ID,
            ALERTS.ROUTE, ALERTS.STATUS, ALERTS.SEVERITY, ALERTS.SUMMARY, ALERTS.LABELS,
            ALERTS.ANNOTATIONS, ALERTS.STARTS_AT, ALERTS.ENDS_AT, ALERTS.LINK, ALERTS.RECEIVED_AT,
            ALERTS.PAYLOAD);
    for (NewAlert alert : alerts) {
      insert =
          insert.values(
              alert.id(), alert.source(), alert.dedupeKey(), alert.identity(), alert.workflowId(),
              alert.route(), alert.status(), alert.severity(), alert.summary(),
              JSONB.valueOf(alert.labelsJson()), JSONB.valueOf(alert.annotationsJson()),
              utc(alert.startsAt()), utc(alert.endsAt()), alert.link(), utc(alert.receivedAt()),
              alert.payload());
    }
    insert.execute();
  }

  /**
   * Removes alerts whose incident never heard of them, because Temporal refused the signal: the monitor
   * is told to retry and will deliver them again.
   */
  public void deleteUnlinked(Collection<UUID> ids) {
    db.deleteFrom(ALERTS).where(ALERTS.ID.in(ids), ALERTS.INCIDENT_ID.isNull()).execute();
  }

  /** Links alerts to their incident; {@code duplicate} marks repeats the incident did not count. */
  public void link(UUID incidentId, Collection<UUID> ids, boolean duplicate) {
    if (ids.isEmpty()) {
      return;
    }
    db.update(ALERTS)
        .set(ALERTS.INCIDENT_ID, incidentId)
        .set(ALERTS.DUPLICATE, duplicate)
        .where(ALERTS.ID.in(ids))
        .execute();
  }

  public Optional<StoredAlert> find(UUID id) {
    return db.selectFrom(ALERTS).where(ALERTS.ID.eq(id)).fetchOptional().map(AlertStore::toAlert);
  }

  /** The newest alerts of an incident, newest first. */
  public List<StoredAlert> newestOf(UUID incidentId, int limit) {
    return db.selectFrom(ALERTS)
        .where(ALERTS.INCIDENT_ID.eq(incidentId))
        .orderBy(ALERTS.RECEIVED_AT.desc(), ALERTS.ID.desc())
        .limit(limit)
        .fetch(AlertStore::toAlert);
  }

  private static StoredAlert toAlert(AlertsRecord alert) {
    NewAlert received =
        new NewAlert(
            alert.getId(), alert.getSource(), alert.getDedupeKey(), alert.getIdentity(),
            alert.getWorkflowId(), alert.getRoute(), alert.getStatus(), alert.getSeverity(),
            alert.getSummary(), json(alert.getLabels()), json(alert.getAnnotations()),
            instant(alert.getStartsAt()), instant(alert.getEndsAt()), alert.getLink(),
            instant(alert.getReceivedAt()), alert.getPayload());
    return new StoredAlert(received, alert.getIncidentId(), alert.getDuplicate());
  }

  private static String json(JSONB value) {
    return value == null ? null : value.data();
  }
}
