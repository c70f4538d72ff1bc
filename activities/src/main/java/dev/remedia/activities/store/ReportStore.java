package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.ALERTS;
import static dev.remedia.activities.store.generated.Tables.ESCALATIONS;
import static dev.remedia.activities.store.generated.Tables.INCIDENTS;
import static dev.remedia.activities.store.generated.Tables.PAGES;
import static dev.remedia.activities.store.generated.Tables.RUNS;

import dev.remedia.activities.store.SlaFacts.IncidentFact;
import dev.remedia.activities.store.SlaFacts.PageFact;
import dev.remedia.activities.store.SlaFacts.RunFact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Reads the read model for reports; it writes nothing. */
public final class ReportStore {

  /** The alert label that names the service an incident is about. */
  private static final String SERVICE_LABEL = "service";

  private final DSLContext db;

  public ReportStore(DSLContext db) {
    this.db = db;
  }

  /** Incidents opened, pages created and runs created from {@code from} (inclusive) to {@code to} (exclusive). */
  public SlaFacts slaFacts(Instant from, Instant to) {
    return new SlaFacts(incidents(from, to), pages(from, to), runs(from, to));
  }

  private List<IncidentFact> incidents(Instant from, Instant to) {
    return db.select(
            INCIDENTS.OPENED_AT, INCIDENTS.ACKNOWLEDGED_AT, INCIDENTS.ACKNOWLEDGED_BY, INCIDENTS.ACKNOWLEDGED_VIA,
            INCIDENTS.RESOLVED_AT, INCIDENTS.RESOLVED_BY, INCIDENTS.RESOLVED_VIA, INCIDENTS.ROUTE, INCIDENTS.RUNBOOK,
            serviceOf(INCIDENTS.ID))
        .from(INCIDENTS)
        .where(INCIDENTS.OPENED_AT.ge(utc(from)), INCIDENTS.OPENED_AT.lt(utc(to)))
        .fetch(
            row ->
                new IncidentFact(
                    instant(row.value1()), instant(row.value2()), row.value3(), row.value4(),
                    instant(row.value5()), row.value6(), row.value7(), row.value8(), row.value9(), row.value10()));
  }

  // A page's incident id is text (a runbook may page without one); comparing as text never fails a cast.
  private List<PageFact> pages(Instant from, Instant to) {
    return db.select(
            PAGES.CHANNEL, PAGES.STATUS, PAGES.PERSON, INCIDENTS.ROUTE, INCIDENTS.RUNBOOK, serviceOf(INCIDENTS.ID),
            RUNS.RUNBOOK)
        .from(PAGES)
        .leftJoin(INCIDENTS).on(INCIDENTS.ID.cast(SQLDataType.VARCHAR).eq(PAGES.INCIDENT_ID))
        .leftJoin(ESCALATIONS).on(ESCALATIONS.ID.eq(PAGES.ESCALATION_ID))
        .leftJoin(RUNS).on(RUNS.ID.eq(ESCALATIONS.RUN_ID))
        .where(PAGES.CREATED_AT.ge(utc(from)), PAGES.CREATED_AT.lt(utc(to)))
        .fetch(
            row ->
                new PageFact(
                    row.value1(), PageStatus.valueOf(row.value2()), row.value3(), row.value4(), row.value5(),
                    row.value6(), row.value7()));
  }

  private List<RunFact> runs(Instant from, Instant to) {
    return db.select(RUNS.RUNBOOK, RUNS.STATUS, INCIDENTS.ROUTE, serviceOf(INCIDENTS.ID))
        .from(RUNS)
        .leftJoin(INCIDENTS).on(INCIDENTS.ID.eq(RUNS.INCIDENT_ID))
        .where(RUNS.CREATED_AT.ge(utc(from)), RUNS.CREATED_AT.lt(utc(to)))
        .fetch(row -> new RunFact(row.value1(), row.value2(), row.value3(), row.value4()));
  }

  /** The service label of the incident's earliest alert that carries one, or null. */
  private static Field<String> serviceOf(Field<UUID> incidentId) {
    Field<String> label = DSL.field("{0} ->> {1}", String.class, ALERTS.LABELS, DSL.inline(SERVICE_LABEL));
    return DSL.field(
            DSL.select(label)
                .from(ALERTS)
                .where(ALERTS.INCIDENT_ID.eq(incidentId), label.isNotNull())
                .orderBy(ALERTS.RECEIVED_AT, ALERTS.ID)
                .limit(1))
        .as("service");
  }
}
