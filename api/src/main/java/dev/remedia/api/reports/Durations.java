package dev.remedia.api.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Durations in whole seconds: how many, their median, 90th percentile and maximum, each null when there
 * are none. Percentiles are exact, by the nearest-rank method: the p-th percentile of n sorted values is
 * the one at rank ceil(p/100 × n), so it is always one of the values; the median is the 50th
 * percentile, the lower middle value when n is even.
 */
@Serdeable
public record Durations(
    int count, @Nullable Long medianSeconds, @Nullable Long p90Seconds, @Nullable Long maxSeconds) {

  static Durations of(List<Long> seconds) {
    if (seconds.isEmpty()) {
      return new Durations(0, null, null, null);
    }
    List<Long> sorted = seconds.stream().sorted().toList();
    return new Durations(
        sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90), sorted.get(sorted.size() - 1));
  }

  /** The p-th percentile (1 to 100) of ascending values by nearest rank, in whole-number arithmetic. */
  static long nearestRank(List<Long> ascending, int p) {
    int rank = (p * ascending.size() + 99) / 100;
    return ascending.get(Math.max(rank, 1) - 1);
  }
}
