package dev.remedia.api.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * What the SLA report says about one group, or about everything (then {@code group} is null).
 *
 * @param incidents incidents opened in the window (in this group)
 * @param acknowledged of those, how many were acknowledged; {@code timeToAcknowledge} is over them
 * @param resolved of those, how many were resolved; {@code timeToResolve} and {@code resolutions} are over them
 * @param pagesSent pages created in the window that went out, per channel (every channel listed)
 * @param runs runs created in the window
 */
@Serdeable
public record SlaFigures(
    @Nullable String group,
    long incidents,
    long acknowledged,
    long resolved,
    Durations timeToAcknowledge,
    Durations timeToResolve,
    Resolutions resolutions,
    Map<String, Long> pagesSent,
    Runs runs) {

  /** Resolutions by the monitor (every alert resolved) or a runbook, and by a person. */
  @Serdeable
  public record Resolutions(long automatic, long human) {}

  /**
   * @param successRate succeeded among the runs that ended (succeeded, failed or cancelled), to four
   *     decimals; null when none ended
   */
  @Serdeable
  public record Runs(
      long total, long succeeded, long failed, long cancelled, long running, @Nullable Double successRate) {}
}
