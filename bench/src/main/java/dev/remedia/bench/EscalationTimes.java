package dev.remedia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How late each level of each escalation fired. A level is due when the escalation started plus the
 * delays of the levels before it; it fired when its first page row was created, which is when the send
 * activity for it began. Lateness is the difference: the durable timer, the workflow task that follows
 * it, the activity that resolves the level's recipients and the wait for a free activity slot.
 */
final class EscalationTimes {

  private static final int WORST_LISTED = 5;

  /** Lateness is also kept by when the level was due, in windows of this many seconds from the first start. */
  private static final int WINDOW_SECONDS = 10;

  private final PagingPolicy policy;
  private final Duration target;

  EscalationTimes(PagingPolicy policy, Duration target) {
    this.policy = policy;
    this.target = target;
  }

  /** @param incidents each as {@code GET /api/incidents/{id}} answers it */
  Map<String, Object> report(List<JsonNode> incidents) {
    Latencies startAfterOpening = new Latencies();
    Latencies all = new Latencies();
    List<Level> levels = new ArrayList<>();
    for (int level = 0; level < policy.levels; level++) {
      levels.add(new Level(level));
    }
    List<Map<String, Object>> worst = new ArrayList<>();
    List<Map.Entry<Instant, Long>> latenessByDue = new ArrayList<>();
    int notStarted = 0;
    for (JsonNode incident : incidents) {
      Instant started = instant(incident.path("escalationStartedAt"));
      if (started == null) {
        notStarted++;
        continue;
      }
      startAfterOpening.add(Duration.between(instant(incident.path("openedAt")), started).toNanos());
      Instant acknowledged = instant(incident.path("acknowledgedAt"));
      for (Level level : levels) {
        Instant due = policy.due(started, level.index);
        Instant first = null;
        Instant last = null;
        for (JsonNode page : incident.path("pages")) {
          if (page.path("round").asInt() == 0 && page.path("level").asInt() == level.index) {
            Instant created = instant(page.path("createdAt"));
            first = first == null || created.isBefore(first) ? created : first;
            last = last == null || created.isAfter(last) ? created : last;
          }
        }
        if (first != null) {
          long lateness = Duration.between(due, first).toNanos();
          level.firstPage.add(lateness);
          level.lastPage.add(Duration.between(due, last).toNanos());
          all.add(lateness);
          latenessByDue.add(Map.entry(due, lateness));
          if (lateness > target.toNanos()) {
            level.late++;
          }
          worst.add(Map.of("incidentId", incident.path("id").asText(), "level", level.index + 1, "latenessMs", Latencies.millis(lateness)));
        } else if (acknowledged == null) {
          level.missing++;
        } else if (acknowledged.isAfter(due.plus(target))) {
          // Acknowledged more than the target after the level was due, and it had not fired yet.
          level.lateAtAcknowledgement++;
        }
      }
    }
    worst.sort(Comparator.comparing((Map<String, Object> w) -> (Double) w.get("latenessMs")).reversed());

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("escalationsStarted", incidents.size() - notStarted);
    report.put("escalationsNotStarted", notStarted);
    report.put("escalationStartAfterOpening", startAfterOpening.summary());
    Map<String, Object> lateness = new LinkedHashMap<>();
    lateness.put("levelsFired", all.count());
    lateness.putAll(all.summary());
    report.put("lateness", lateness);
    long late = levels.stream().mapToLong(level -> level.late + level.lateAtAcknowledgement).sum();
    long missing = levels.stream().mapToLong(level -> level.missing).sum();
    report.put("levelsLaterThanTarget", late);
    report.put("levelsMissing", missing);
    report.put("byLevel", levels.stream().map(Level::report).toList());
    report.put("latest", worst.subList(0, Math.min(WORST_LISTED, worst.size())));
    report.put("timeline", timeline(latenessByDue));
    report.put("met", all.count() > 0 && late == 0 && missing == 0 && notStarted == 0);
    return report;
  }

  /** Per window of due times from the first: how many levels were due and fired in it, and how late. */
  private static List<Map<String, Object>> timeline(List<Map.Entry<Instant, Long>> latenessByDue) {
    Timeline timeline = new Timeline(Duration.ofSeconds(WINDOW_SECONDS));
    Instant first = latenessByDue.stream().map(Map.Entry::getKey).min(Comparator.naturalOrder()).orElse(null);
    for (Map.Entry<Instant, Long> level : latenessByDue) {
      timeline.add(Duration.between(first, level.getKey()).toNanos(), level.getValue());
    }
    return timeline.report("dueFromSecond", "levelsFired", 50);
  }

  static Instant instant(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }

  private final class Level {
    final int index;
    final Latencies firstPage = new Latencies();
    final Latencies lastPage = new Latencies();
    long late;
    long missing;
    long lateAtAcknowledgement;

    Level(int index) {
      this.index = index;
    }

    Map<String, Object> report() {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("level", index + 1);
      report.put("dueAfterStartSeconds", policy.delay.multipliedBy(index).toSeconds());
      report.put("fired", firstPage.count());
      report.put("firstPageLateness", firstPage.summary());
      report.put("lastPageLateness", lastPage.summary());
      report.put("laterThanTarget", late);
      report.put("lateWhenAcknowledged", lateAtAcknowledgement);
      report.put("missing", missing);
      return report;
    }
  }
}
