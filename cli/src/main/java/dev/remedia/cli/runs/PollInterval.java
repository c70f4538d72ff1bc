package dev.remedia.cli.runs;

import dev.remedia.cli.UsageError;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How often a followed run is polled: bounded, so a typo can neither hammer Remedia nor stall the view. */
final class PollInterval {

  private static final double MIN_SECONDS = 0.2;
  private static final double MAX_SECONDS = 30;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      defaultValue = "1",
      description = "seconds between polls while following (0.2 to 30, default ${DEFAULT-VALUE})")
  private double seconds;

  Duration duration() {
    if (!(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS)) {
      throw new UsageError("--interval must be between " + MIN_SECONDS + " and " + (int) MAX_SECONDS + " seconds");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
