package dev.remedia.activities.journal;

import dev.remedia.activities.TemporalJson;
import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.store.RunStore;
import dev.remedia.workflows.runbook.RunJournalActivities;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run journal into PostgreSQL; idempotency comes from {@link RunStore}'s upserts. The end
 * of a run is also logged and counted, once: by the write that recorded it.
 */
public final class RunJournalActivitiesImpl implements RunJournalActivities {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.runs");

  private final RunStore runs;
  private final RemediaCounters counters;

  public RunJournalActivitiesImpl(RunStore runs, RemediaCounters counters) {
    this.runs = runs;
    this.counters = counters;
  }

  @Override
  public void runStarted(RunStarted event) {
    runs.recordStarted(event.runId(), event.runbook(), TemporalJson.write(event.input()), at(event.atMillis()));
    if (event.retryOf() != null) {
      runs.linkRetry(event.runId(), event.retryOf());
    }
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
    runs.recordEnded(event.runId(), event.status(), result, event.failure(), at(event.atMillis()))
        .ifPresent(
            runbook -> {
              // The failure stays out of the log: it may quote an input, such as a URL with credentials.
              LOG.info("Run {} of {} ended {}", event.runId(), runbook, event.status());
              counters.runEnded(runbook, event.status());
            });
  }

  private static Instant at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis);
  }
}
