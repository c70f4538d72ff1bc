package dev.remedia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load driver for paging: opens many incidents at once through the events webhook, each paging
 * through the benchmark's policy ({@link PagingPolicy}), acknowledges a share of them during level 1
 * or 2, and reports how late each level fired, whether anything reached anyone after an
 * acknowledgement, how fast each destination was sent to, and Remedia's memory and CPU (see
 * {@link Driver} for the output and exit status).
 */
public final class PagingLoad {

  /** The targets in dev mode. */
  static final int TARGET_INCIDENTS = 1000;
  static final int TARGET_LEVELS = 3;
  static final Duration TARGET_LATENESS = Duration.ofSeconds(1);

  private static final Duration FIND_INCIDENTS_WITHIN = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofSeconds(2);
  // Each pass reads every incident still paging, which is work for Remedia too.
  private static final Duration REREAD = Duration.ofSeconds(5);

  private final PagingOptions options;
  private final PagingPolicy policy;
  private final RemediaApi api;
  private final CpuSampler cpu;
  private final List<String> notes = new ArrayList<>();

  private PagingLoad(PagingOptions options) {
    this.options = options;
    this.policy = options.policy;
    this.api = new RemediaApi(options.url, Duration.ofSeconds(options.requestTimeout));
    this.cpu = new CpuSampler(options.remediaPid, options.pgPort);
  }

  public static void main(String[] args) {
    Driver.main("paging-load", PagingOptions.USAGE, args, argv -> {
      PagingOptions options = PagingOptions.parse(argv);
      if (options.writeConfig != null) {
        return () -> {
          Files.writeString(options.writeConfig, options.policy.operatorConfig());
          return "operator configuration written to " + options.writeConfig;
        };
      }
      PagingLoad driver = new PagingLoad(options);
      return () -> Driver.json(driver.run());
    });
  }

  private Map<String, Object> run() throws Exception {
    Instant runStart = Instant.now();
    Map<String, Object> report = Driver.openReport("paging-load", options.settings);
    api.requireHealthy(options.waitHealth);
    String runId = Driver.runId();
    report.put("runId", runId);

    MemorySampler memory = new MemorySampler(options.remediaPid);
    memory.start();
    Map<String, Object> cpuUse;
    PhaseResult triggered;
    PhaseResult acks;
    List<JsonNode> opened;
    List<JsonNode> incidents;
    try {
      CpuSampler.Snapshot before = cpu.snapshot();
      triggered = trigger(runId);
      opened = findIncidents(triggered.signalledByDedupeKey().keySet());
      if (opened.isEmpty()) {
        throw new IllegalStateException("no trigger opened an incident; statuses " + triggered.report().get("statuses"));
      }
      acks = acknowledge(opened);
      incidents = awaitOutcome(opened);
      cpuUse = CpuSampler.between(before, cpu.snapshot());
    } finally {
      memory.close();
    }
    ConsoleLog log = options.remediaLog == null ? null : ConsoleLog.read(options.remediaLog, runStart);

    Map<String, Object> levels = new EscalationTimes(policy, TARGET_LATENESS).report(incidents);
    Map<String, Object> afterAck = new AckCheck(policy, log).report(incidents, acks == null ? 0 : acks.posts());
    Map<String, Object> sendRate = log == null ? null : SendRate.report(log);

    report.put("triggers", phaseReport(triggered, opened.size()));
    report.put("acknowledgements", acks == null ? null : phaseReport(acks, null));
    report.put("levels", levels);
    report.put("pages", pageCounts(incidents));
    long stillPaging = incidents.stream().filter(this::stillPaging).count();
    report.put("incidentsStillPagingAtEnd", stillPaging);
    report.put("sendRate", sendRate);
    report.put("afterAcknowledgement", afterAck);
    report.put("memory", memory.report());
    report.put("cpu", cpuUse);
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("incidents", TARGET_INCIDENTS);
    targets.put("levels", TARGET_LEVELS);
    targets.put("latenessMs", TARGET_LATENESS.toMillis());
    targets.put("pagesSentAfterAck", 0);
    targets.put("messagesPerSecondPerDestination", SendRate.LIMIT_PER_SECOND);
    report.put("targets", targets);
    Map<String, Object> met = new LinkedHashMap<>();
    met.put("incidents", options.incidents >= TARGET_INCIDENTS && opened.size() == options.incidents);
    met.put("levels", policy.levels >= TARGET_LEVELS);
    met.put("lateness", levels.get("met"));
    met.put("noPageAfterAck", afterAck.get("met"));
    met.put("rateWithinLimit", sendRate != null && Boolean.TRUE.equals(sendRate.get("met")));
    met.put("all", !met.containsValue(false));
    report.put("met", met);
    explain(opened, stillPaging, levels, afterAck, sendRate);
    report.put("notes", notes);
    return report;
  }

  /** Opens the incidents: one trigger each, with its own dedup key, critical so that it pages. */
  private PhaseResult trigger(String runId) throws InterruptedException {
    Driver.progress("triggering %d incidents%s", options.incidents,
        options.triggerRate > 0 ? " at " + options.triggerRate + "/s" : ", as fast as Remedia answers");
    URI webhook = api.url("/webhooks/events");
    AtomicInteger next = new AtomicInteger();
    LoadRunner runner = new LoadRunner(api, options.token, options.concurrency);
    long interval = options.triggerRate > 0 ? Math.round(1e9 / options.triggerRate) : 0;
    return runner.run("trigger", options.incidents, interval, 1, () -> {
      int i = next.incrementAndGet();
      ObjectNode body = api.json().createObjectNode();
      body.put("event_action", "trigger");
      body.put("dedup_key", "paging-load/" + runId + "/" + i);
      ObjectNode payload = body.putObject("payload");
      payload.put("summary", "Paging benchmark incident " + i);
      payload.put("source", String.format("bench-host-%04d", i));
      payload.put("severity", "critical");
      return new LoadRunner.Post(webhook, body.toString().getBytes(StandardCharsets.UTF_8));
    });
  }

  /** The incidents the triggers opened, as {@code GET /api/incidents} lists them, oldest first. */
  private List<JsonNode> findIncidents(Set<String> dedupeKeys) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + FIND_INCIDENTS_WITHIN.toNanos();
    List<JsonNode> found;
    do {
      found = new ArrayList<>();
      for (JsonNode summary : api.incidents("events")) {
        if (dedupeKeys.contains(summary.path("dedupeKey").asText())) {
          found.add(summary);
        }
      }
      if (found.size() >= dedupeKeys.size()) {
        break;
      }
      Thread.sleep(POLL.toMillis());
    } while (System.nanoTime() < deadline);
    Driver.progress("%d of %d triggers opened an incident", found.size(), options.incidents);
    Collections.reverse(found);
    return found;
  }

  /**
   * Acknowledges a random share of the incidents, evenly spread from a second after the last one was
   * found until a second before level 3 is due for the first: each lands during level 1 or 2.
   */
  private PhaseResult acknowledge(List<JsonNode> incidents) throws InterruptedException {
    List<String> shuffled = new ArrayList<>(ids(incidents));
    // A fixed seed picks the same positions in the opening order every run, so runs compare.
    Collections.shuffle(shuffled, new Random(1));
    List<String> chosen = shuffled.subList(0, (int) Math.round(options.ackShare * shuffled.size()));
    if (chosen.isEmpty()) {
      return null;
    }
    Instant firstOpened = EscalationTimes.instant(incidents.get(0).path("openedAt"));
    Instant from = Instant.now().plusSeconds(1);
    Instant until = firstOpened.plus(policy.delay.multipliedBy(2)).minusSeconds(1);
    if (!until.isAfter(from.plusSeconds(1))) {
      until = from.plusSeconds(1);
      notes.add("Opening the incidents took longer than the first two levels, so acknowledgements land later than level 2.");
    }
    long interval = Math.max(1, Duration.between(from, until).toNanos() / chosen.size());
    Driver.progress("acknowledging %d incidents between %s and %s", chosen.size(), from, until);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), from).toMillis()));
    LoadRunner runner = new LoadRunner(api, api.apiToken(), options.concurrency);
    AtomicInteger next = new AtomicInteger();
    byte[] by = "{\"by\": \"paging-load\"}".getBytes(StandardCharsets.UTF_8);
    return runner.run("ack", chosen.size(), interval, 0, () ->
        new LoadRunner.Post(api.url("/api/incidents/" + chosen.get(next.getAndIncrement()) + "/ack"), by));
  }

  /**
   * Waits until the last escalation has passed all its levels by the schedule, then reads every
   * incident, and reads again those whose paging is not over yet, until none is or the settle timeout
   * passed: answers the incidents as last read.
   */
  private List<JsonNode> awaitOutcome(List<JsonNode> opened) throws IOException, InterruptedException {
    Instant lastOpened = EscalationTimes.instant(opened.get(opened.size() - 1).path("openedAt"));
    Instant end = lastOpened.plus(policy.delay.multipliedBy(policy.levels));
    Driver.progress("waiting until %s, when the last escalation has passed its %d levels", end, policy.levels);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()));
    long deadline = System.nanoTime() + Duration.ofSeconds(options.settleTimeout).toNanos();
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<String> pending = ids(opened);
    while (true) {
      for (JsonNode incident : api.incidents(pending, options.checkConcurrency)) {
        byId.put(incident.path("id").asText(), incident);
      }
      pending = byId.values().stream().filter(this::stillPaging).map(incident -> incident.path("id").asText()).toList();
      if (pending.isEmpty() || System.nanoTime() > deadline) {
        return new ArrayList<>(byId.values());
      }
      Driver.progress("%d incidents are still paging or telling people of their acknowledgement", pending.size());
      Thread.sleep(REREAD.toMillis());
    }
  }

  /**
   * Whether the incident's paging is not over: its escalation has not started, a page is being sent,
   * an unacknowledged incident has not reached its last level, or someone an acknowledged incident
   * paged has not been told of the acknowledgement yet.
   */
  private boolean stillPaging(JsonNode incident) {
    if (!incident.path("escalationStartedAt").isTextual()) {
      return true;
    }
    boolean acknowledged = incident.path("acknowledgedAt").isTextual();
    boolean lastLevelPaged = false;
    for (JsonNode page : incident.path("pages")) {
      if (page.path("status").asText().equals("SENDING") || (acknowledged && AckCheck.awaitsNotice(page))) {
        return true;
      }
      lastLevelPaged |= page.path("level").asInt() == policy.levels - 1;
    }
    return !acknowledged && !lastLevelPaged;
  }

  private static Map<String, Object> phaseReport(PhaseResult phase, Integer incidentsOpened) {
    Map<String, Object> report = phase.report();
    report.keySet().retainAll(Set.of(
        "posts", "elapsedSeconds", "postsPerSecond", "latency", "statuses", "serverErrors", "clientErrors",
        "transportErrors", "errorSamples", "maxBehindScheduleMs"));
    if (incidentsOpened != null) {
      report.put("incidentsOpened", incidentsOpened);
    }
    return report;
  }

  private Map<String, Object> pageCounts(List<JsonNode> incidents) {
    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, Long> byLevel = new TreeMap<>();
    long pages = 0;
    for (JsonNode incident : incidents) {
      for (JsonNode page : incident.path("pages")) {
        pages++;
        byStatus.merge(page.path("status").asText(), 1L, Long::sum);
        byLevel.merge(String.valueOf(page.path("level").asInt() + 1), 1L, Long::sum);
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("total", pages);
    report.put("byStatus", byStatus);
    report.put("byLevel", byLevel);
    return report;
  }

  private void explain(
      List<JsonNode> opened, long stillPaging, Map<String, Object> levels, Map<String, Object> afterAck,
      Map<String, Object> sendRate) {
    if (options.incidents < TARGET_INCIDENTS || policy.levels < TARGET_LEVELS) {
      notes.add("Scaled-down run: met.incidents or met.levels compares with the issue's targets, so it is false here by design.");
    }
    if (opened.size() < options.incidents) {
      notes.add((options.incidents - opened.size()) + " triggers opened no incident within "
          + FIND_INCIDENTS_WITHIN.toSeconds() + " s; see triggers.statuses.");
    }
    if (stillPaging > 0) {
      notes.add(stillPaging + " incidents were still paging (or telling people of their acknowledgement) when the "
          + "settle timeout passed, " + options.settleTimeout + " s after the last level was due; levels that had not "
          + "fired by then count as missing.");
    }
    if (!Boolean.TRUE.equals(levels.get("met"))) {
      notes.add("Some levels fired more than " + TARGET_LATENESS.toMillis() + " ms after they were due, or not at all; "
          + "see levels.byLevel and levels.latest.");
    }
    if (!Boolean.TRUE.equals(afterAck.get("met"))) {
      notes.add("Pages reached someone after their incident was acknowledged, or an acknowledgement was not recorded; "
          + "see afterAcknowledgement.samples.");
    }
    if (sendRate == null) {
      notes.add("Without --remedia-log the messages actually sent are unknown, so the send rate is not measured "
          + "and times after an acknowledgement come from the pages' sentAt.");
    }
    notes.add("CPU and memory cover the run from the first trigger until paging was over or the settle timeout passed.");
    notes.add("Lateness counts from when the escalation started (escalationStartedAt) plus the delays of the levels "
        + "before, to the first page row of the level.");
    notes.add("The driver runs on the same machine as Remedia and takes CPU from it; see cpu.driverCores.");
  }

  private static List<String> ids(List<JsonNode> incidents) {
    return incidents.stream().map(incident -> incident.path("id").asText()).toList();
  }
}
