package dev.remedia.activities.journal;

import dev.remedia.activities.TemporalJson;
import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.workflows.runbook.RunJournalActivities;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run journal into PostgreSQL; idempotency comes from {@link RunStore}'s upserts. The end
 * of a run is also logged and counted, once: by the write that recorded it.
 *
 * <p>A run that ended needs no private key it ordered any more: one that deployed its certificate
 * dropped it already, and one refused, failed or cancelled before deploying would otherwise leave a
 * key for a certificate nobody uses in {@code acme_orders}.
 */
public final class RunJournalActivitiesImpl implements RunJournalActivities {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.runs");

  private final RunStore runs;
  private final AcmeOrderStore orders;
  private final RemediaCounters counters;

  public RunJournalActivitiesImpl(RunStore runs, AcmeOrderStore orders, RemediaCounters counters) {
    this.runs = runs;
    this.orders = orders;
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
    orders.forgetKey(event.runId());
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
