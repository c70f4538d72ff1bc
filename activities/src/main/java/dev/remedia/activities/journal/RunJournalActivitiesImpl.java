package dev.remedia.activities.journal;

import dev.remedia.activities.TemporalJson;
import dev.remedia.activities.store.RunStore;
import dev.remedia.workflows.runbook.RunJournalActivities;
import java.time.Instant;

/** Writes the run journal into PostgreSQL; idempotency comes from {@link RunStore}'s upserts. */
public final class RunJournalActivitiesImpl implements RunJournalActivities {

  private final RunStore runs;

  public RunJournalActivitiesImpl(RunStore runs) {
    this.runs = runs;
  }

  @Override
  public void runStarted(RunStarted event) {
    runs.recordStarted(event.runId(), event.runbook(), TemporalJson.write(event.input()), at(event.atMillis()));
  }

  @Override
  public void stepStarted(StepStarted event) {
    runs.recordStepStarted(event.runId(), event.seq(), event.name(), at(event.atMillis()));
  }

  @Override
  public void stepEnded(StepEnded event) {
    runs.recordStepEnded(
        event.runId(), event.seq(), event.state(), event.detail(), at(event.atMillis()));
  }

  @Override
  public void runEnded(RunEnded event) {
    String result = event.result() == null ? null : TemporalJson.write(event.result());
    runs.recordEnded(event.runId(), event.status(), result, event.failure(), at(event.atMillis()));
  }

  private static Instant at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis);
  }
}
