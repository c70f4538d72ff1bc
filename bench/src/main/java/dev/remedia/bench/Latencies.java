package dev.remedia.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exact percentiles over every recorded latency (a run has at most some hundred thousand posts). */
final class Latencies {

  private long[] nanos = new long[1024];
  private int count;

  synchronized void add(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  synchronized int count() {
    return count;
  }

  /** p50, p90, p99, p99.9 and max in milliseconds, with one decimal. */
  synchronized Map<String, Object> summary() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("p50Ms", millis(percentile(sorted, 50)));
    summary.put("p90Ms", millis(percentile(sorted, 90)));
    summary.put("p99Ms", millis(percentile(sorted, 99)));
    summary.put("p999Ms", millis(percentile(sorted, 99.9)));
    summary.put("maxMs", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    return summary;
  }

  synchronized double percentileMillis(double percentile) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return millis(percentile(sorted, percentile));
  }

  /** Nearest-rank percentile: the smallest value that at least {@code percentile}% of samples do not exceed. */
  private static long percentile(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  static double millis(long nanos) {
    return Math.round(nanos / 100_000.0) / 10.0;
  }
}
