package dev.remedia.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages per destination against Remedia's pace of one a second: the most messages any destination
 * got within one second (a window {@code [t, t + 1 s)} slid over its messages), and the shortest gap
 * between two of them. Settle notices count: they take a turn in the destination's lane like pages.
 */
final class SendRate {

  static final int LIMIT_PER_SECOND = 1;
  private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

  private SendRate() {}

  /** @param log the console channel's messages, the only channel in dev mode without credentials */
  static Map<String, Object> report(ConsoleLog log) {
    Map<String, List<Instant>> byDestination = new TreeMap<>();
    Map<String, Long> byKind = new LinkedHashMap<>();
    long pagesRolledUp = 0;
    int largestRollup = 0;
    for (ConsoleLog.Message message : log.messages) {
      byDestination.computeIfAbsent(message.destination(), d -> new ArrayList<>()).add(message.at());
      byKind.merge(message.kind().name(), 1L, Long::sum);
      if (message.kind() == ConsoleLog.Kind.ROLLUP) {
        pagesRolledUp += message.pageIds().size();
        largestRollup = Math.max(largestRollup, message.pageIds().size());
      }
    }
    int worstPerSecond = 0;
    Long shortestGap = null;
    List<String> overLimit = new ArrayList<>();
    List<Map<String, Object>> destinations = new ArrayList<>();
    for (Map.Entry<String, List<Instant>> destination : byDestination.entrySet()) {
      List<Instant> times = destination.getValue();
      times.sort(null);
      int perSecond = 0;
      Long gap = null;
      for (int i = 0, j = 0; i < times.size(); i++) {
        while (j < times.size() && Duration.between(times.get(i), times.get(j)).toNanos() < WINDOW_NANOS) {
          j++;
        }
        perSecond = Math.max(perSecond, j - i);
        if (i > 0) {
          long between = Duration.between(times.get(i - 1), times.get(i)).toMillis();
          gap = gap == null ? between : Math.min(gap, between);
        }
      }
      worstPerSecond = Math.max(worstPerSecond, perSecond);
      if (gap != null) {
        shortestGap = shortestGap == null ? gap : Math.min(shortestGap, gap);
      }
      if (perSecond > LIMIT_PER_SECOND) {
        overLimit.add(destination.getKey());
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("destination", destination.getKey());
      entry.put("messages", times.size());
      entry.put("maxInAnySecond", perSecond);
      entry.put("shortestGapMs", gap);
      entry.put("busySeconds", Duration.between(times.get(0), times.get(times.size() - 1)).toSeconds());
      destinations.add(entry);
    }
    Map<String, Object> console = new LinkedHashMap<>();
    console.put("destinations", byDestination.size());
    console.put("messages", log.messages.size());
    console.put("messagesByKind", byKind);
    console.put("pagesRolledUp", pagesRolledUp);
    console.put("largestRollup", largestRollup);
    console.put("pagesSentMoreThanOnce", log.pagesSentMoreThanOnce());
    console.put("maxMessagesInAnySecond", worstPerSecond);
    console.put("shortestGapMs", shortestGap);
    console.put("destinationsOverLimit", overLimit);
    console.put("byDestination", destinations);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("limitPerSecond", LIMIT_PER_SECOND);
    report.put("channels", Map.of("console", console));
    report.put("met", !log.messages.isEmpty() && overLimit.isEmpty() && log.pagesSentMoreThanOnce() == 0);
    return report;
  }
}
