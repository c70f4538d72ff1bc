package dev.remedia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one load phase saw: latency of every post, answers by status, and the alerts Remedia accepted. */
final class PhaseResult {

  /** Latencies are also kept per window of this many seconds, to show a backlog building up. */
  static final int WINDOW_SECONDS = 5;

  private static final int MAX_SAMPLES = 5;

  final String name;
  final Latencies latencies = new Latencies();
  private final Map<Integer, Long> statuses = new TreeMap<>();
  private final Timeline timeline = new Timeline(Duration.ofSeconds(WINDOW_SECONDS));
  private final List<String> errorSamples = new ArrayList<>();
  private final List<String> signalledIds = new ArrayList<>();
  private final List<String> noOpenIncidentIds = new ArrayList<>();
  private final Map<String, Long> signalledByDedupeKey = new LinkedHashMap<>();
  private long posts;
  private long errors;
  private long alertsSent;
  private long alertsAccepted;
  private long maxOversleepNanos;
  private long maxBehindNanos;
  private long startNanos;
  private long lastCompletionNanos;

  PhaseResult(String name) {
    this.name = name;
  }

  synchronized void started(long nanos) {
    startNanos = nanos;
    lastCompletionNanos = nanos;
  }

  /**
   * A post left {@code behindNanos} after its slot in the schedule; {@code oversleepNanos} of that is
   * the driver's thread waking late from a timed wait (CPU contention), the rest waiting for one of
   * the connection slots that Remedia had not answered yet.
   */
  synchronized void sent(int alerts, long oversleepNanos, long behindNanos) {
    posts++;
    alertsSent += alerts;
    maxOversleepNanos = Math.max(maxOversleepNanos, oversleepNanos);
    maxBehindNanos = Math.max(maxBehindNanos, behindNanos);
  }

  synchronized double maxBehindScheduleMillis() {
    return Latencies.millis(maxBehindNanos);
  }

  synchronized double maxOversleepMillis() {
    return Latencies.millis(maxOversleepNanos);
  }

  /** A response arrived; {@code accepted} is the parsed 202 body, or null. */
  synchronized void answered(long scheduledNanos, long doneNanos, int status, JsonNode accepted, String problem) {
    record(scheduledNanos, doneNanos);
    statuses.merge(status, 1L, Long::sum);
    if (problem != null && errorSamples.size() < MAX_SAMPLES) {
      errorSamples.add("HTTP " + status + ": " + problem);
    }
    if (accepted == null) {
      return;
    }
    alertsAccepted += accepted.path("alerts").asLong();
    for (JsonNode incident : accepted.path("incidents")) {
      boolean signalled = "signalled".equals(incident.path("outcome").asText());
      List<String> target = signalled ? signalledIds : noOpenIncidentIds;
      for (JsonNode id : incident.path("alertIds")) {
        target.add(id.asText());
      }
      if (signalled) {
        signalledByDedupeKey.merge(incident.path("dedupeKey").asText(), (long) incident.path("alertIds").size(), Long::sum);
      }
    }
  }

  synchronized void failed(long scheduledNanos, long doneNanos, Throwable error) {
    record(scheduledNanos, doneNanos);
    errors++;
    if (errorSamples.size() < MAX_SAMPLES) {
      errorSamples.add(error.getClass().getSimpleName() + ": " + error.getMessage());
    }
  }

  private void record(long scheduledNanos, long doneNanos) {
    long latency = doneNanos - scheduledNanos;
    latencies.add(latency);
    timeline.add(scheduledNanos - startNanos, latency);
    lastCompletionNanos = Math.max(lastCompletionNanos, doneNanos);
  }

  synchronized long posts() {
    return posts;
  }

  synchronized long count(int statusFrom, int statusTo) {
    return statuses.entrySet().stream()
        .filter(e -> e.getKey() >= statusFrom && e.getKey() <= statusTo)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  synchronized long errors() {
    return errors;
  }

  synchronized long alertsAccepted() {
    return alertsAccepted;
  }

  synchronized List<String> signalledIds() {
    return List.copyOf(signalledIds);
  }

  synchronized List<String> noOpenIncidentIds() {
    return List.copyOf(noOpenIncidentIds);
  }

  synchronized Map<String, Long> signalledByDedupeKey() {
    return new LinkedHashMap<>(signalledByDedupeKey);
  }

  /** Seconds from the first scheduled send to the last answer. */
  synchronized double elapsedSeconds() {
    return (lastCompletionNanos - startNanos) / 1e9;
  }

  synchronized Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("posts", posts);
    report.put("alertsSent", alertsSent);
    report.put("alertsAccepted", alertsAccepted);
    report.put("elapsedSeconds", round(elapsedSeconds()));
    report.put("acceptedAlertsPerSecond", round(alertsAccepted / Math.max(elapsedSeconds(), 1e-9)));
    report.put("postsPerSecond", round(count(100, 599) / Math.max(elapsedSeconds(), 1e-9)));
    report.put("latency", latencies.summary());
    Map<String, Long> byStatus = new LinkedHashMap<>();
    statuses.forEach((status, n) -> byStatus.put(String.valueOf(status), n));
    report.put("statuses", byStatus);
    report.put("serverErrors", count(500, 599));
    report.put("clientErrors", count(400, 499));
    report.put("transportErrors", errors);
    report.put("errorSamples", List.copyOf(errorSamples));
    report.put("alertsSignalled", (long) signalledIds.size());
    report.put("alertsNoOpenIncident", (long) noOpenIncidentIds.size());
    report.put("maxBehindScheduleMs", Latencies.millis(maxBehindNanos));
    report.put("maxDriverOversleepMs", Latencies.millis(maxOversleepNanos));
    report.put("timeline", timeline.report("fromSecond", "posts", 99));
    return report;
  }

  static double round(double value) {
    return Math.round(value * 10.0) / 10.0;
  }
}
