package dev.remedia.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Each monitor's captured payloads through HTTP, into incidents that fold, resolve and close. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class WebhooksApiTest extends WebhookTestSupport {

  private static final String AM_GROUP = "{}/{severity=\\\"critical\\\"}:{alertname=\\\"HostDown\\\"}";

  @Test
  void anAlertmanagerGroupOpensOneIncidentThatFoldsRepeatsAndClosesWhenResolved() {
    String group = unique("{}:{alertname=\\\"HostDown\\\"}");
    HttpResponse<String> firing =
        postWithToken("alertmanager", ALERTMANAGER_TOKEN, fixture("alertmanager-firing", AM_GROUP, group));
    assertEquals(202, firing.statusCode(), firing.body());
    JsonNode accepted = json(firing);
    assertEquals(3, accepted.get("alerts").asInt());
    assertEquals(1, accepted.get("incidents").size());
    JsonNode delivery = accepted.get("incidents").get(0);
    assertEquals("signalled", delivery.get("outcome").asText());
    assertEquals("db-hosts-down", delivery.get("route").asText());
    assertTrue(delivery.get("workflowId").asText().startsWith("incident/alertmanager/"));

    JsonNode incident = incidentOf(firing, i -> i.get("alertCount").asInt() == 3);
    assertEquals("OPEN", incident.get("status").asText());
    assertEquals("CRITICAL", incident.get("severity").asText());
    assertEquals(3, incident.get("firingCount").asInt());
    assertEquals("db-hosts-down", incident.get("route").asText());
    assertEquals("http-check", incident.get("runbook").asText());

    HttpResponse<String> haPeer =
        postWithToken("alertmanager", ALERTMANAGER_TOKEN, fixture("alertmanager-firing", AM_GROUP, group));
    assertEquals(202, haPeer.statusCode());
    JsonNode afterPeer = incidentOf(haPeer, i -> i.get("duplicateCount").asInt() == 3);
    assertEquals(incident.get("id"), afterPeer.get("id"));
    assertEquals(3, afterPeer.get("alertCount").asInt());

    HttpResponse<String> resolved =
        postWithToken("alertmanager", ALERTMANAGER_TOKEN, fixture("alertmanager-resolved", AM_GROUP, group));
    assertEquals(202, resolved.statusCode(), resolved.body());
    JsonNode closed = incidentOf(resolved, i -> i.get("status").asText().equals("CLOSED"));
    assertEquals(incident.get("id"), closed.get("id"));
    assertFalse(closed.get("resolvedAt").isNull());
    assertFalse(closed.get("closedAt").isNull());
    assertTrue(closed.get("secondsToResolve").asLong() >= 0);
    assertEquals(
        "[\"opened\",\"runbook-started\",\"resolved\",\"closed\"]",
        kinds(closed.get("events")));
    assertEquals(1, closed.get("runs").size());
    assertEquals("http-check", closed.get("runs").get(0).get("runbook").asText());
  }

  @Test
  void concurrentDeliveriesOpeningTheSameIncidentAreAllAcceptedIntoOneIncident() throws Exception {
    String group = unique("{}:{alertname=\\\"HostDown\\\"}");
    String body = fixture("alertmanager-firing", AM_GROUP, group);
    List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      posts.add(CompletableFuture.supplyAsync(() -> postWithToken("alertmanager", ALERTMANAGER_TOKEN, body)));
    }
    for (CompletableFuture<HttpResponse<String>> post : posts) {
      assertEquals(202, post.get().statusCode(), post.get().body());
    }

    JsonNode incident = incidentOf(posts.get(0).get(), i -> i.get("alertCount").asInt() + i.get("duplicateCount").asInt() == 48);
    assertEquals(3, incident.get("alertCount").asInt());
    for (CompletableFuture<HttpResponse<String>> post : posts) {
      assertEquals(incident.get("id"), incidentOf(post.get(), i -> true).get("id"));
    }
  }

  @Test
  void aTriggerAfterTheIncidentClosedOpensANewIncident() {
    String group = unique("{}:{alertname=\\\"HostDown\\\"}");
    HttpResponse<String> first =
        postWithToken("alertmanager", ALERTMANAGER_TOKEN, fixture("alertmanager-firing", AM_GROUP, group));
    JsonNode opened = incidentOf(first, i -> true);
    HttpResponse<String> resolved =
        postWithToken("alertmanager", ALERTMANAGER_TOKEN, fixture("alertmanager-resolved", AM_GROUP, group));
    incidentOf(resolved, i -> i.get("status").asText().equals("CLOSED"));

    HttpResponse<String> again =
        postWithToken(
            "alertmanager", ALERTMANAGER_TOKEN,
            fixture("alertmanager-firing", AM_GROUP, group, "2024-05-14T09:21:47.538Z", "2024-05-14T11:00:00Z"));
    JsonNode reopened = incidentOf(again, i -> true);

    assertFalse(opened.get("id").equals(reopened.get("id")), "a new incident, not the closed one");
    assertEquals("OPEN", reopened.get("status").asText());
  }

  @Test
  void aResolutionWithNoOpenIncidentIsKeptButOpensNothing() {
    String group = unique("{}:{alertname=\\\"HostDown\\\"}");
    HttpResponse<String> resolved =
        postWithToken("alertmanager", ALERTMANAGER_TOKEN, fixture("alertmanager-resolved", AM_GROUP, group));

    assertEquals(202, resolved.statusCode(), resolved.body());
    JsonNode delivery = json(resolved).get("incidents").get(0);
    assertEquals("no-open-incident", delivery.get("outcome").asText());
    JsonNode alert = json(get("/api/alerts/" + delivery.get("alertIds").get(0).asText()));
    assertTrue(alert.get("incidentId").isNull());
    assertTrue(alert.get("payload").asText().contains("\"fingerprint\""));
  }

  @Test
  void aSignedGrafanaNotificationOpensAnIncidentWithGrafanasLinks() {
    String body = fixture("grafana-firing", "High disk usage", unique("High disk usage"));
    HttpResponse<String> response = postToGrafana(body, Instant.now().getEpochSecond(), GRAFANA_SECRET);

    assertEquals(202, response.statusCode(), response.body());
    JsonNode incident = incidentOf(response, i -> true);
    assertEquals("grafana", incident.get("source").asText());
    assertEquals("WARNING", incident.get("severity").asText());
    assertTrue(incident.get("link").asText().contains("viewPanel=4"), incident.toString());
    assertTrue(incident.get("route").isNull(), "no route matches Grafana alerts; still an incident");
  }

  @Test
  void aDatadogCycleOpensOnTriggeredAndResolvesOnRecovered() {
    String cycle = String.valueOf(System.nanoTime());
    HttpResponse<String> triggered =
        postWithToken("datadog", DATADOG_TOKEN, fixture("datadog-triggered", "7163528441327493522", cycle));
    assertEquals(202, triggered.statusCode(), triggered.body());
    JsonNode incident = incidentOf(triggered, i -> true);
    assertEquals("ERROR", incident.get("severity").asText());
    assertEquals(cycle, incident.get("dedupeKey").asText());

    HttpResponse<String> recovered =
        postWithToken("datadog", DATADOG_TOKEN, fixture("datadog-recovered", "7163528441327493522", cycle));
    JsonNode closed = incidentOf(recovered, i -> i.get("status").asText().equals("CLOSED"));
    assertEquals(incident.get("id"), closed.get("id"));
  }

  @Test
  void anEventsTriggerIsAcknowledgedThenResolvedThroughTheSameKey() {
    String key = unique("backup/pg-main");
    String dedup = "backup/pg-main/nightly-2024-07-03";
    HttpResponse<String> trigger = postWithToken("events", EVENTS_TOKEN, fixture("events-trigger", dedup, key));
    assertEquals(202, trigger.statusCode(), trigger.body());
    JsonNode incident = incidentOf(trigger, i -> true);
    assertEquals("ERROR", incident.get("severity").asText());

    HttpResponse<String> ack = postWithToken("events", EVENTS_TOKEN, fixture("events-acknowledge", dedup, key));
    assertEquals(202, ack.statusCode(), ack.body());
    JsonNode acknowledged = incidentOf(ack, i -> i.get("status").asText().equals("ACKNOWLEDGED"));
    assertNotNull(acknowledged.get("secondsToAcknowledge").numberValue());

    HttpResponse<String> resolve = postWithToken("events", EVENTS_TOKEN, fixture("events-resolve", dedup, key));
    JsonNode closed = incidentOf(resolve, i -> i.get("status").asText().equals("CLOSED"));
    assertFalse(closed.get("acknowledgedAt").isNull());
    assertFalse(closed.get("resolvedAt").isNull());
  }

  @Test
  void incidentsAreListedAndFilteredBySourceStatusAndSeverity() {
    String key = unique("list");
    postWithToken("events", EVENTS_TOKEN, fixture("events-trigger", "backup/pg-main/nightly-2024-07-03", key));
    JsonNode listed =
        eventually(
            () -> {
              JsonNode page = json(get("/api/incidents?source=events&status=open&severity=error&limit=200"));
              for (JsonNode item : page.get("items")) {
                if (item.get("dedupeKey").asText().equals(key)) {
                  return item;
                }
              }
              return null;
            });
    assertEquals("events", listed.get("source").asText());
    assertEquals(0, json(get("/api/incidents?source=events&severity=info&from=2999-01-01T00:00:00Z")).get("items").size());
  }
}
