package dev.remedia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Alertmanager notification groups that evolve the way real ones do: stable group keys and
 * fingerprints, most alerts firing, some resolving and firing again with a new {@code startsAt}. Every
 * post sends one whole group, as Alertmanager does; most of what it repeats is a duplicate for Remedia,
 * the changes are not. Only the thread that schedules posts may call {@link #nextPost}.
 */
final class AlertGroups {

  /** Per alert and per post of its group: how likely a firing alert resolves. */
  static final double RESOLVE_CHANCE = 0.05;

  /** Per alert and per post of its group: how likely a resolved alert fires again. */
  static final double REFIRE_CHANCE = 0.20;

  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final String[] ALERT_NAMES = {
    "HighCPUUsage", "DiskWillFillIn4Hours", "HighMemoryUsage", "InstanceDown", "HighRequestLatency",
    "ErrorRateHigh", "CertificateExpiresSoon", "TooManyRestarts", "QueueBacklogGrowing",
    "ReplicationLag", "NodeClockSkew", "HighGCPause"
  };
  private static final String[] JOBS = {"api", "web", "postgres", "redis", "kafka", "worker", "node"};
  private static final String[] TEAMS = {"platform", "payments", "storage", "edge"};

  private final ObjectMapper json;
  private final String runId;
  private final List<Group> groups = new ArrayList<>();
  private final SplittableRandom random;
  private long posts;

  AlertGroups(ObjectMapper json, String runId, int groupCount, int alertsPerGroup, long seed) {
    this.json = json;
    this.runId = runId;
    this.random = new SplittableRandom(seed);
    Instant now = Instant.now();
    for (int g = 0; g < groupCount; g++) {
      groups.add(new Group(g, alertsPerGroup, now));
    }
  }

  /** Group keys of the sustained load, each of which should become one incident. */
  List<String> groupKeys() {
    return groups.stream().map(group -> group.key).toList();
  }

  /** The next post: the groups take turns, each alert first moving on with the odds above. */
  byte[] nextPost() {
    Group group = groups.get((int) (posts++ % groups.size()));
    Instant now = Instant.now();
    for (Alert alert : group.alerts) {
      double roll = random.nextDouble();
      if (alert.firing && roll < RESOLVE_CHANCE) {
        alert.firing = false;
        alert.endsAt = now;
      } else if (!alert.firing && roll < REFIRE_CHANCE) {
        alert.firing = true;
        alert.startsAt = now;
        alert.endsAt = null;
      }
    }
    return group.payload();
  }

  /** One group with one firing alert that never changes: the single-alert phase sends it again and again. */
  byte[] singleAlertPost() {
    Group single = new Group(-1, 1, Instant.now());
    return single.payload();
  }

  String singleAlertGroupKey() {
    return groupKey("BenchSingleAlert", "single");
  }

  private String groupKey(String alertName, String job) {
    return "{}/{bench_run=\"" + runId + "\"}:{alertname=\"" + alertName + "\", job=\"" + job + "\"}";
  }

  private final class Group {
    final String alertName;
    final String job;
    final String severity;
    final String team;
    final String key;
    final List<Alert> alerts = new ArrayList<>();

    Group(int index, int size, Instant now) {
      if (index < 0) {
        alertName = "BenchSingleAlert";
        job = "single";
        severity = "critical";
        team = "platform";
      } else {
        alertName = ALERT_NAMES[index % ALERT_NAMES.length];
        job = String.format("%s-%03d", JOBS[index % JOBS.length], index);
        severity = index % 5 == 0 ? "critical" : index % 5 == 4 ? "info" : "warning";
        team = TEAMS[index % TEAMS.length];
      }
      key = groupKey(alertName, job);
      for (int i = 0; i < size; i++) {
        Alert alert = new Alert();
        alert.instance = "10." + (index & 0xff) + "." + (i / 250) + "." + (i % 250 + 1) + ":9100";
        alert.fingerprint = String.format("%016x", mix(runId.hashCode() * 1_000_003L + index * 4_099L + i));
        if (index < 0) {
          alert.firing = true;
          alert.startsAt = now.minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        } else {
          alert.firing = random.nextDouble() < REFIRE_CHANCE / (RESOLVE_CHANCE + REFIRE_CHANCE);
          alert.startsAt = now.minusSeconds(60 + random.nextInt(86_400));
          alert.endsAt = alert.firing ? null : now.minusSeconds(random.nextInt(60));
        }
        alerts.add(alert);
      }
    }

    byte[] payload() {
      ObjectNode body = json.createObjectNode();
      boolean anyFiring = alerts.stream().anyMatch(alert -> alert.firing);
      body.put("version", "4");
      body.put("groupKey", key);
      body.put("truncatedAlerts", 0);
      body.put("status", anyFiring ? "firing" : "resolved");
      body.put("receiver", "remedia");
      ObjectNode groupLabels = body.putObject("groupLabels");
      groupLabels.put("alertname", alertName);
      groupLabels.put("job", job);
      ObjectNode commonLabels = body.putObject("commonLabels");
      commonLabels.put("alertname", alertName);
      commonLabels.put("job", job);
      commonLabels.put("severity", severity);
      commonLabels.put("team", team);
      if (alerts.size() == 1) {
        commonLabels.put("instance", alerts.get(0).instance);
      }
      ObjectNode commonAnnotations = body.putObject("commonAnnotations");
      commonAnnotations.put("summary", summary());
      if (alerts.size() == 1) {
        commonAnnotations.put("description", description(alerts.get(0)));
      }
      body.put("externalURL", "http://alertmanager.bench.local:9093");
      ArrayNode list = body.putArray("alerts");
      for (Alert alert : alerts) {
        ObjectNode item = list.addObject();
        item.put("status", alert.firing ? "firing" : "resolved");
        ObjectNode labels = item.putObject("labels");
        labels.put("alertname", alertName);
        labels.put("instance", alert.instance);
        labels.put("job", job);
        labels.put("severity", severity);
        labels.put("team", team);
        ObjectNode annotations = item.putObject("annotations");
        annotations.put("summary", summary());
        annotations.put("description", description(alert));
        item.put("startsAt", alert.startsAt.toString());
        item.put("endsAt", alert.endsAt == null ? ZERO_TIME : alert.endsAt.toString());
        item.put("generatorURL", generatorUrl());
        item.put("fingerprint", alert.fingerprint);
      }
      try {
        return json.writeValueAsBytes(body);
      } catch (Exception e) {
        throw new IllegalStateException("cannot write an Alertmanager payload", e);
      }
    }

    private String summary() {
      return alertName + " on " + job;
    }

    private String description(Alert alert) {
      return alertName + " has been active on " + alert.instance + " (job " + job + ", team " + team
          + ") for longer than its threshold.";
    }

    private String generatorUrl() {
      String expr = alertName.toLowerCase() + "{job=\"" + job + "\"} > 0.9";
      return "http://prometheus.bench.local:9090/graph?g0.expr="
          + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&g0.tab=1";
    }
  }

  private static final class Alert {
    String instance;
    String fingerprint;
    boolean firing;
    Instant startsAt;
    Instant endsAt;
  }

  /** SplitMix64's finaliser: spreads consecutive seeds over all 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
