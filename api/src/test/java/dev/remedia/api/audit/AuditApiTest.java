package dev.remedia.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /api/audit} over real HTTP: what monitors and people did shows up with who, what, on which
 * object, from where, when and how it ended; filters and keyset paging; bad parameters are 400s; and
 * nothing in the API writes to the log.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class AuditApiTest extends ApiTestSupport {

  @Inject AuditLog log;

  @Test
  void everyWebhookDeliveryIsAuditedWhetherAcceptedOrNot() {
    String key = "disk/" + UUID.randomUUID();
    HttpResponse<String> accepted = post("/webhooks/events", "application/json", trigger(key));
    HttpResponse<String> invalid = post("/webhooks/events", "application/json", "{\"event_action\": \"explode\"}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    assertEquals(400, invalid.statusCode(), invalid.body());

    JsonNode items = json(get("/api/audit?action=webhook.received&actor=webhook:events&limit=2")).get("items");

    assertEquals(2, items.size(), items.toString());
    JsonNode newest = items.get(0);
    assertEquals("invalid", newest.get("outcome").asText());
    assertEquals(json(invalid).get("detail").asText(), newest.get("detail").get("reason").asText());
    JsonNode older = items.get(1);
    assertEquals("accepted", older.get("outcome").asText());
    assertEquals("webhook", older.get("objectType").asText());
    assertEquals("events", older.get("objectId").asText());
    assertEquals("127.0.0.1", older.get("remoteAddress").asText());
    assertEquals(1, older.get("detail").get("alerts").asInt());
    assertEquals(1, older.get("detail").get("incidents").asInt());
    assertTrue(Instant.parse(older.get("at").asText()).isBefore(Instant.parse(newest.get("at").asText()).plusMillis(1)));
  }

  @Test
  void anIncidentActionIsAuditedAndSoIsItsRefusalWithTheReason() {
    String incident = openIncident("disk/" + UUID.randomUUID());
    assertEquals(202, action("/api/incidents/" + incident + "/ack", "{\"by\": \"alice\"}").statusCode());
    eventually(
        () -> json(get("/api/incidents/" + incident)).get("status").asText().equals("ACKNOWLEDGED") ? true : null);
    HttpResponse<String> again = action("/api/incidents/" + incident + "/ack", "{\"by\": \"bob\"}");
    assertEquals(409, again.statusCode());

    JsonNode items = json(get("/api/audit?objectType=incident&objectId=" + incident)).get("items");

    assertEquals(2, items.size(), items.toString());
    assertEquals("bob incident.acknowledge refused", line(items.get(0)));
    assertEquals(json(again).get("detail").asText(), items.get(0).get("detail").get("reason").asText());
    assertEquals("alice incident.acknowledge requested", line(items.get(1)));
  }

  @Test
  void aManualRunRefusedForItsInputIsAuditedUnderItsRunbook() {
    HttpResponse<String> refused =
        post("/api/runbooks/change-approval/runs", "application/json", "{\"title\": 12}");
    assertEquals(400, refused.statusCode(), refused.body());

    JsonNode newest =
        json(get("/api/audit?action=run.start&objectType=runbook&objectId=change-approval&limit=1")).get("items").get(0);

    assertEquals("token:admin-token run.start invalid", line(newest));
    assertEquals("field 'title' must be a string", newest.get("detail").get("reason").asText());
  }

  @Test
  void filtersCombineAndPagesFollowOneAnotherNewestFirst() {
    String actor = "auditor-" + UUID.randomUUID();
    Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
    for (int i = 0; i < 5; i++) {
      log.append(
          new AuditEntry(
              t0.plusSeconds(i), actor, i < 3 ? "run.start" : "run.cancel", "run", "run-" + i, "10.0.0.9",
              i == 1 ? "replayed" : "started", null));
    }
    log.append(new AuditEntry(t0, actor, "runbook.edit", "runbook", "x", null, "started", null));

    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          json(get("/api/audit?actor=" + actor + "&action=run.*&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
      page.get("items").forEach(item -> ids.add(item.get("objectId").asText()));
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (cursor != null);

    assertEquals(List.of("run-4", "run-3", "run-2", "run-1", "run-0"), ids);
    assertEquals(3, pages);
    assertEquals(List.of("run-1"), objectIds("actor=" + actor + "&outcome=replayed"));
    assertEquals(List.of("run-4", "run-3"), objectIds("actor=" + actor + "&action=run.cancel"));
    assertEquals(List.of("run-0"), objectIds("actor=" + actor + "&objectType=run&objectId=run-0"));
    assertEquals(
        List.of("run-2", "run-1"),
        objectIds("actor=" + actor + "&action=run.*&from=2026-06-01T10:00:01Z&to=2026-06-01T10:00:03Z"));
  }

  @Test
  void badParametersAreProblemsThatSayWhatWasWrong() {
    assertProblem(get("/api/audit?limit=0"), "limit must be a whole number from 1 to 200");
    assertProblem(get("/api/audit?cursor=bm90LWEtY3Vyc29y"), "cursor is not one this API handed out");
    assertProblem(get("/api/audit?from=yesterday"), "from must be an ISO-8601 time");
    assertProblem(
        get("/api/audit?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z"), "from must not be after to");
    assertProblem(get("/api/audit?action=run*start"), "action may end in one * for a prefix");
    assertProblem(get("/api/audit?actor=" + encode("eve\u0000")), "actor must be at most 200 characters without control characters");
    assertProblem(get("/api/audit?objectId=" + "x".repeat(201)), "objectId must be at most 200 characters");
  }

  @Test
  void theApiHasNoWayToChangeTheLog() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(baseUri().resolve("/api/audit"))
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString("{}")));
      assertEquals(405, response.statusCode(), method + " " + response.body());
    }
  }

  private String openIncident(String key) {
    HttpResponse<String> accepted = post("/webhooks/events", "application/json", trigger(key));
    assertEquals(202, accepted.statusCode(), accepted.body());
    return eventually(
        () -> {
          for (JsonNode incident : json(get("/api/incidents?source=events&limit=200")).get("items")) {
            if (incident.get("dedupeKey").asText().equals(key)) {
              return incident.get("id").asText();
            }
          }
          return null;
        });
  }

  private static String trigger(String key) {
    return "{\"event_action\": \"trigger\", \"dedup_key\": \"" + key + "\","
        + " \"payload\": {\"summary\": \"Disk full\", \"source\": \"nas-1\", \"severity\": \"warning\"}}";
  }

  private HttpResponse<String> action(String path, String body) {
    return post(path, "application/json", body);
  }

  private List<String> objectIds(String query) {
    List<String> ids = new ArrayList<>();
    json(get("/api/audit?" + query)).get("items").forEach(item -> ids.add(item.get("objectId").asText()));
    return ids;
  }

  private static String line(JsonNode item) {
    return item.get("actor").asText() + " " + item.get("action").asText() + " " + item.get("outcome").asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void assertProblem(HttpResponse<String> response, String detail) {
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(json(response).get("detail").asText().contains(detail), response.body());
    assertFalse(response.body().contains("Exception"), response.body());
  }
}
