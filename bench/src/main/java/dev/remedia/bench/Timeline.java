package dev.remedia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latencies kept per window of time from a start, to show how they changed over a run. */
final class Timeline {

  private final long windowNanos;
  private final Map<Long, Latencies> windows = new TreeMap<>();

  Timeline(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /** @param atNanos how long after the start the value belongs, which picks its window */
  synchronized void add(long atNanos, long latencyNanos) {
    windows.computeIfAbsent(atNanos / windowNanos, w -> new Latencies()).add(latencyNanos);
  }

  /**
   * One entry per window: {@code fromKey} its first second, {@code countKey} how many values, the
   * {@code percentile} (like {@code p99Ms}) and the maximum in milliseconds.
   */
  synchronized List<Map<String, Object>> report(String fromKey, String countKey, int percentile) {
    List<Map<String, Object>> timeline = new ArrayList<>();
    windows.forEach(
        (window, values) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put(fromKey, Duration.ofNanos(window * windowNanos).toSeconds());
          entry.put(countKey, values.count());
          entry.put("p" + percentile + "Ms", values.percentileMillis(percentile));
          entry.put("maxMs", values.percentileMillis(100));
          timeline.add(entry);
        });
    return timeline;
  }
}
