package dev.remedia.activities.metrics;

import dev.remedia.activities.store.PageStatus;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.runbook.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Remedia's own counters, named in one place so every site that counts an event adds to the same
 * series. Each is counted where the event is recorded for the first time, so a retried activity or a
 * repeated report does not count twice. Names are Micrometer's dotted form; {@code /metrics} writes
 * them the Prometheus way ({@code remedia_runs_total}). Label values are lower case.
 */
public final class RemediaCounters {

  private final MeterRegistry registry;

  public RemediaCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Alerts a webhook received, by what became of them.
   *
   * @param result {@code accepted}, {@code no_open_incident}, or for a delivery that failed as a whole
   *     (counted once, since its alerts were never read or never stored) {@code unauthorized}, {@code
   *     invalid}, {@code unavailable} or {@code error}
   */
  public void alertsReceived(String source, String result, int alerts) {
    count(
        "remedia.alerts.received", "Alerts received by webhook, by source and result; a failed delivery counts once",
        alerts, "source", source, "result", result);
  }

  /** A run ended; counted by the journal write that recorded the end. */
  public void runEnded(String runbook, RunStatus outcome) {
    count("remedia.runs", "Runs that ended, by runbook and outcome", 1, "runbook", runbook, "outcome", lower(outcome));
  }

  /** A send recorded its outcome: sent, rolled up, failed, opted out or cancelled. */
  public void pageRecorded(PageChannel channel, PageStatus outcome) {
    count(
        "remedia.pages", "Pages whose send ended, by channel and outcome", 1,
        "channel", lower(channel), "outcome", lower(outcome));
  }

  /** A channel's later report (delivered, failed, no answer, opted out) moved a page forward. */
  public void pageReported(PageChannel channel, PageStatus status) {
    count(
        "remedia.page.reports", "Channel reports that changed a sent page, by channel and reported status", 1,
        "channel", lower(channel), "status", lower(status));
  }

  /** Micrometer registers a counter once per name and tags and hands back the same one after. */
  private void count(String name, String description, double amount, String... tags) {
    Counter.builder(name).description(description).tags(tags).register(registry).increment(amount);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
