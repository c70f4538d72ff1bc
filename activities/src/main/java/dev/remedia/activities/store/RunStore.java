package dev.remedia.activities.store;

import static dev.remedia.activities.store.generated.Tables.RUNS;
import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.STEPS;

import dev.remedia.activities.store.generated.tables.records.RunsRecord;
import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.StepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Runs and their steps. Writes are idempotent so the journal activities can be retried freely: a run is
 * created once by id, a step once by its position, and an ended run keeps its first outcome.
 */
public final class RunStore {

  private final DSLContext db;

  public RunStore(DSLContext db) {
    this.db = db;
  }

  /** Creates the run unless it exists; a run that already moved on is left as it is. */
  public void recordStarted(String runId, String runbook, String inputJson, Instant at) {
    db.insertInto(RUNS)
        .set(RUNS.ID, runId)
        .set(RUNS.RUNBOOK, runbook)
        .set(RUNS.STATUS, RunStatus.RUNNING.name())
        .set(RUNS.INPUT, JSONB.valueOf(inputJson))
        .set(RUNS.CREATED_AT, utc(at))
        .onConflict(RUNS.ID)
        .doNothing()
        .execute();
  }

  /**
   * Creates a run started by an incident, or links an existing row to it: the incident records the run
   * before starting it, but a retried write may come after the run recorded itself.
   */
  public void recordStartedByIncident(
      String runId, String runbook, String inputJson, UUID incidentId, Instant at) {
    db.insertInto(RUNS)
        .set(RUNS.ID, runId)
        .set(RUNS.RUNBOOK, runbook)
        .set(RUNS.STATUS, RunStatus.RUNNING.name())
        .set(RUNS.INPUT, JSONB.valueOf(inputJson))
        .set(RUNS.INCIDENT_ID, incidentId)
        .set(RUNS.CREATED_AT, utc(at))
        .onConflict(RUNS.ID)
        .doUpdate()
        .set(RUNS.INCIDENT_ID, incidentId)
        .where(RUNS.INCIDENT_ID.isNull())
        .execute();
  }

  /**
   * Links a run to the run it retries. The run's row exists by then (its starter or its workflow wrote
   * it); a link already made stays.
   */
  public void linkRetry(String runId, String retryOf) {
    db.update(RUNS)
        .set(RUNS.RETRY_OF, retryOf)
        .where(RUNS.ID.eq(runId), RUNS.RETRY_OF.isNull())
        .execute();
  }

  /** The ids of the runs that retry this one, oldest first. */
  public List<String> retriesOf(String runId) {
    return db.select(RUNS.ID)
        .from(RUNS)
        .where(RUNS.RETRY_OF.eq(runId))
        .orderBy(RUNS.CREATED_AT, RUNS.ID)
        .fetch(RUNS.ID);
  }

  /** The runs an incident started, oldest first. */
  public List<StoredRun> startedBy(UUID incidentId) {
    return db.selectFrom(RUNS)
        .where(RUNS.INCIDENT_ID.eq(incidentId))
        .orderBy(RUNS.CREATED_AT, RUNS.ID)
        .fetch(RunStore::toRun);
  }

  public void recordStepStarted(String runId, int seq, String name, Instant at) {
    db.insertInto(STEPS)
        .set(STEPS.RUN_ID, runId)
        .set(STEPS.SEQ, seq)
        .set(STEPS.NAME, name)
        .set(STEPS.STATE, StepState.RUNNING.name())
        .set(STEPS.STARTED_AT, utc(at))
        .onConflict(STEPS.RUN_ID, STEPS.SEQ)
        .doNothing()
        .execute();
  }

  public void recordStepEnded(String runId, int seq, StepState state, String detail, Instant at) {
    db.update(STEPS)
        .set(STEPS.STATE, state.name())
        .set(STEPS.DETAIL, detail)
        .set(STEPS.ENDED_AT, utc(at))
        .where(STEPS.RUN_ID.eq(runId), STEPS.SEQ.eq(seq))
        .execute();
  }

  /**
   * Records the outcome once; a retried write after the first one changes nothing.
   *
   * @return the run's runbook when this call recorded the end; empty when the run had ended already
   *     or has no row
   */
  public Optional<String> recordEnded(
      String runId, RunStatus status, String resultJson, String failure, Instant at) {
    return db.update(RUNS)
        .set(RUNS.STATUS, status.name())
        .set(RUNS.RESULT, resultJson == null ? null : JSONB.valueOf(resultJson))
        .set(RUNS.FAILURE, failure)
        .set(RUNS.ENDED_AT, utc(at))
        .where(RUNS.ID.eq(runId), RUNS.ENDED_AT.isNull())
        .returning(RUNS.RUNBOOK)
        .fetchOptional(RUNS.RUNBOOK);
  }

  public Optional<StoredRun> find(String runId) {
    return db.selectFrom(RUNS).where(RUNS.ID.eq(runId)).fetchOptional().map(RunStore::toRun);
  }

  public List<StoredStep> steps(String runId) {
    return db.selectFrom(STEPS)
        .where(STEPS.RUN_ID.eq(runId))
        .orderBy(STEPS.SEQ)
        .fetch(
            step ->
                new StoredStep(
                    step.getSeq(),
                    step.getName(),
                    StepState.valueOf(step.getState()),
                    instant(step.getStartedAt()),
                    instant(step.getEndedAt()),
                    step.getDetail()));
  }

  public RunPage list(RunQuery query) {
    List<Condition> conditions = new ArrayList<>();
    if (query.status() != null) {
      conditions.add(RUNS.STATUS.eq(query.status().name()));
    }
    if (query.runbook() != null) {
      conditions.add(RUNS.RUNBOOK.eq(query.runbook()));
    }
    if (query.after() != null) {
      conditions.add(
          DSL.row(RUNS.CREATED_AT, RUNS.ID)
              .lt(utc(query.after().at()), query.after().id()));
    }
    List<StoredRun> runs =
        db.selectFrom(RUNS)
            .where(conditions)
            .orderBy(RUNS.CREATED_AT.desc(), RUNS.ID.desc())
            .limit(query.limit() + 1)
            .fetch(RunStore::toRun);
    return Keyset.page(
        runs, query.limit(), last -> new PageCursor(last.createdAt(), last.id()), RunPage::new);
  }

  private static StoredRun toRun(RunsRecord run) {
    return new StoredRun(
        run.getId(),
        run.getRunbook(),
        RunStatus.valueOf(run.getStatus()),
        run.getInput().data(),
        run.getResult() == null ? null : run.getResult().data(),
        run.getFailure(),
        instant(run.getCreatedAt()),
        instant(run.getEndedAt()),
        run.getRetryOf());
  }
}
