package dev.remedia.workflows.runbook;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How journal writes to the read model retry: quickly at first, then once a minute, so a short
 * PostgreSQL hiccup costs milliseconds and a long outage does not hammer it.
 */
public final class JournalOptions {

  private JournalOptions() {}

  /** Retries until {@code limit} has passed since the first attempt, then fails. */
  public static LocalActivityOptions retryingFor(Duration limit) {
    return builder().setScheduleToCloseTimeout(limit).build();
  }

  /** Retries for as long as it takes: for workflows that must outlive any outage. */
  public static LocalActivityOptions retryingWithoutEnd() {
    return builder().build();
  }

  private static LocalActivityOptions.Builder builder() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(200))
                .setMaximumInterval(Duration.ofMinutes(1))
                .build());
  }
}
