package dev.remedia.activities.paging;

import java.time.Duration;

/**
 * How the outbox paces each destination.
 *
 * @param perUnit the time one unit of a destination's budget takes (an SMS segment, a Slack message)
 * @param rollupAbove a destination with more pages than this waiting gets them as one message
 * @param maxQueueWait how long a send waits for its turn before it gives up and lets Temporal retry
 */
public record Pacing(Duration perUnit, int rollupAbove, Duration maxQueueWait) {

  /** About one message a second per destination, bursts of more than three rolled up. */
  public static final Pacing STANDARD = new Pacing(Duration.ofSeconds(1), 3, Duration.ofSeconds(60));

  public Pacing {
    if (perUnit.isNegative() || rollupAbove < 1 || maxQueueWait.isNegative()) {
      throw new IllegalArgumentException(
          "pacing needs a pace and a queue wait of zero or more, and a rollup threshold of at least 1");
    }
  }
}
