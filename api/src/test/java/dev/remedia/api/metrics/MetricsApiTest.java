package dev.remedia.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /metrics} after real traffic: alerts posted to a webhook (accepted, refused, unreadable,
 * resolving nothing), the page the incident sends on the console, its acknowledgement, runs that
 * succeed and fail, an approval gate waiting, and Temporal's own worker metrics. The tests share one
 * application, so counters are compared with a scrape taken before the traffic.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class MetricsApiTest extends ApiTestSupport {

  private static final String EVENTS_TOKEN = "ev-token-metrics-3f9a";
  private static final String CONFIG =
      """
      webhooks:
        events: { token: %s }
      people:
        - { name: alice, slack: U0ALICE01 }
        - { name: bob, slack: U0BOB0001 }
      approver-groups:
        - name: release-leads
          members: [ { person: alice }, { person: bob } ]
      escalation-policies:
        - name: oncall
          levels:
            - { notify: [ { person: alice } ], channels: [slack], delay: 10m }
      routes:
        - name: critical-pages
          match: { severity: critical }
          escalation: oncall
      """
          .formatted(EVENTS_TOKEN);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @Test
  void aScrapeAfterRealTrafficCountsWhatHappened() {
    Exposition before = Exposition.parse(get("/metrics").body());
    assertEquals(202, postWithToken("events", EVENTS_TOKEN, trigger("disk/nas-1")).statusCode());
    assertEquals(401, postWithToken("events", "not-the-token", trigger("disk/nas-2")).statusCode());
    assertEquals(400, postWithToken("events", EVENTS_TOKEN, "{\"event_action\": ").statusCode());
    assertEquals(
        202,
        postWithToken("events", EVENTS_TOKEN, "{\"event_action\": \"resolve\", \"dedup_key\": \"never-fired\"}")
            .statusCode());
    String incident = eventually(() -> incidentOf("disk/nas-1"));
    eventually(() -> json(get("/api/pages?incident=" + incident)).path("items").path(0).path("status").asText(null));

    String succeeded = startCheck("{\"url\": \"" + baseUri().resolve("/health") + "\"}");
    String failed = startCheck("{\"url\": \"http://127.0.0.1:9/\", \"maxAttempts\": 1}");
    awaitRunEnded(succeeded);
    awaitRunEnded(failed);
    String change = startChangeApproval();

    Exposition scrape =
        scrapeUntil(
            s -> Double.valueOf(1).equals(s.value("remedia_approvals_pending"))
                && Double.valueOf(1).equals(s.value("remedia_incidents_open{status=\"open\"}")));
    assertEquals(1.0, scrape.increaseSince(before, "remedia_alerts_received_total{result=\"accepted\",source=\"events\"}"));
    assertEquals(1.0, scrape.increaseSince(before, "remedia_alerts_received_total{result=\"unauthorized\",source=\"events\"}"));
    assertEquals(1.0, scrape.increaseSince(before, "remedia_alerts_received_total{result=\"invalid\",source=\"events\"}"));
    assertEquals(
        1.0,
        scrape.increaseSince(
            before, "remedia_alerts_received_total{result=\"no_open_incident\",source=\"events\"}"));
    assertEquals("counter", scrape.type("remedia_alerts_received_total"));
    assertEquals(1.0, scrape.increaseSince(before, "remedia_pages_total{channel=\"console\",outcome=\"sent\"}"));
    assertEquals(1.0, scrape.increaseSince(before, "remedia_runs_total{outcome=\"succeeded\",runbook=\"http-check\"}"));
    assertEquals(1.0, scrape.increaseSince(before, "remedia_runs_total{outcome=\"failed\",runbook=\"http-check\"}"));
    assertEquals(0.0, scrape.value("remedia_incidents_open{status=\"acknowledged\"}"));
    assertEquals("gauge", scrape.type("remedia_incidents_open"));

    HttpResponse<String> ack =
        post("/api/incidents/" + incident + "/ack", "application/json", "{\"by\": \"alice\"}");
    assertEquals(202, ack.statusCode(), ack.body());
    Exposition acknowledged =
        scrapeUntil(s -> Double.valueOf(1).equals(s.value("remedia_incidents_open{status=\"acknowledged\"}")));
    assertEquals(0.0, acknowledged.value("remedia_incidents_open{status=\"open\"}"));
    assertTrue(change.startsWith("change-approval-"), change);
  }

  @Test
  void temporalsWorkerMetricsAreExposedWithTheirLatencyHistograms() {
    awaitRunEnded(startCheck("{\"url\": \"" + baseUri().resolve("/health") + "\"}"));

    Exposition scrape =
        scrapeUntil(
            s -> s.has("temporal_workflow_completed_total", "workflow_type=\"http-check\"")
                && s.has("temporal_activity_execution_latency_seconds_bucket", "activity_type=\"HttpProbe.Probe\""));
    assertEquals("histogram", scrape.type("temporal_activity_execution_latency_seconds"));
    assertTrue(scrape.has("temporal_activity_execution_latency_seconds_bucket", "le=\"+Inf\"", "activity_type=\"HttpProbe.Probe\""));
    assertTrue(scrape.has("temporal_worker_task_slots_available", "worker_type=\"ActivityWorker\""));
    assertTrue(scrape.has("temporal_request_total", "operation=\"StartWorkflowExecution\""));
    assertEquals("gauge", scrape.type("jvm_memory_used_bytes"));
    assertEquals(null, scrape.type("temporal_activity_execution_latency_histogram"), "buckets are written once");
  }

  @Test
  void theScrapeIsPrometheusTextFormat004AndAsksForNoToken() {
    HttpResponse<String> scrape = get("/metrics");

    assertEquals(200, scrape.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.headers().firstValue("Content-Type").orElseThrow());
    Exposition.parse(scrape.body());
  }

  private Exposition scrapeUntil(Predicate<Exposition> wanted) {
    Exposition[] last = new Exposition[1];
    try {
      return eventually(
          () -> {
            HttpResponse<String> scrape = get("/metrics");
            assertEquals(200, scrape.statusCode(), scrape.body());
            last[0] = Exposition.parse(scrape.body());
            return wanted.test(last[0]) ? last[0] : null;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the last scrape:\n" + get("/metrics").body(), e);
    }
  }

  private static String trigger(String key) {
    return """
        {"event_action": "trigger", "dedup_key": "%s",
         "payload": {"summary": "Disk /srv on nas-1 is 97%% full", "source": "nas-1", "severity": "critical"}}
        """
        .formatted(key);
  }

  private String incidentOf(String dedupeKey) {
    for (JsonNode incident : json(get("/api/incidents?source=events")).get("items")) {
      if (dedupeKey.equals(incident.get("dedupeKey").asText())) {
        return incident.get("id").asText();
      }
    }
    return null;
  }

  private String startCheck(String input) {
    HttpResponse<String> started = post("/api/runbooks/http-check/runs", "application/json", input);
    assertEquals(202, started.statusCode(), started.body());
    return json(started).get("id").asText();
  }

  private String startChangeApproval() {
    HttpResponse<String> started =
        post(
            "/api/runbooks/change-approval/runs",
            "application/json",
            """
            {"title": "Deploy api 2.4", "action": "Roll api 2.4 out", "reason": "login fix",
             "approvers": "release-leads", "required": 1, "requestedBy": "alice"}
            """);
    assertEquals(202, started.statusCode(), started.body());
    return json(started).get("id").asText();
  }

  private void awaitRunEnded(String runId) {
    eventually(() -> json(get("/api/runs/" + runId)).get("endedAt").isNull() ? null : runId);
  }
}
