package dev.remedia.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Who an action through the API is taken as: a token bound to a person acts as that person and no one
 * else; a token bound to nobody acts as itself; only an admin token may act for someone, and the audit
 * log says so.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ActingApiTest extends ApiTestSupport {

  private static final String CONFIG =
      """
      people:
        - { name: alice, slack: U0ALICE01 }
        - { name: bob, slack: U0BOB0001 }
      """;

  @Inject AuditLog audit;

  private String alicesToken;
  private String botToken;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @Test
  void aTokenBoundToAPersonAcknowledgesAsThatPerson() {
    String id = openIncident();

    HttpResponse<String> ack = settle(alicesToken(), id, "ack", null);

    assertEquals(202, ack.statusCode(), ack.body());
    assertEquals("alice", json(ack).get("by").asText());
    JsonNode incident = eventually(() -> withStatus(id, "ACKNOWLEDGED"));
    assertEquals("alice", incident.get("acknowledgedBy").asText());
    AuditEntry entry = audited("incident", id, "incident.acknowledge");
    assertEquals("alice", entry.actor());
    assertTrue(entry.detailJson().contains("\"token\": \"token:alice-ops\""), entry.detailJson());
  }

  @Test
  void aTokenBoundToAPersonCannotNameSomeoneElse() {
    String id = openIncident();

    HttpResponse<String> ack = settle(alicesToken(), id, "ack", "{\"by\": \"bob\"}");

    assertEquals(403, ack.statusCode(), ack.body());
    assertEquals(
        "the token 'alice-ops' acts as 'alice', so it cannot act as 'bob'; only an admin token may act for someone else",
        json(ack).get("detail").asText());
    assertEquals(202, settle(alicesToken(), id, "ack", "{\"by\": \"alice\"}").statusCode(), "naming itself is fine");
  }

  @Test
  void aTokenBoundToNobodyActsAsItselfAndCannotNameAnyone() {
    String id = openIncident();

    HttpResponse<String> named = settle(botToken(), id, "resolve", "{\"by\": \"alice\"}");
    assertEquals(403, named.statusCode(), named.body());
    assertTrue(json(named).get("detail").asText().startsWith("the token 'deploy-bot' is not bound to a person"), named.body());

    HttpResponse<String> resolved = settle(botToken(), id, "resolve", null);
    assertEquals(202, resolved.statusCode(), resolved.body());
    assertEquals("token:deploy-bot", eventually(() -> withStatus(id, "RESOLVED")).get("resolvedBy").asText());
    assertEquals("token:deploy-bot", audited("incident", id, "incident.resolve").actor());
  }

  @Test
  void anAdminTokenMayActForSomeoneAndTheAuditLogSaysSo() {
    String id = openIncident();

    HttpResponse<String> ack = settle(ADMIN_TOKEN, id, "ack", "{\"by\": \"bob\"}");

    assertEquals(202, ack.statusCode(), ack.body());
    assertEquals("bob", eventually(() -> withStatus(id, "ACKNOWLEDGED")).get("acknowledgedBy").asText());
    AuditEntry entry = audited("incident", id, "incident.acknowledge");
    assertEquals("bob", entry.actor());
    assertTrue(entry.detailJson().contains("\"token\": \"token:admin-token\""), entry.detailJson());
    assertTrue(entry.detailJson().contains("\"actingFor\": \"bob\""), entry.detailJson());
  }

  @Test
  void pageAnswersNeedAPersonFromTheBodyOrTheToken() {
    String pageId = UUID.randomUUID().toString();

    HttpResponse<String> unbound = answerPage(botToken(), pageId, null);
    assertEquals(400, unbound.statusCode(), unbound.body());
    assertTrue(json(unbound).get("detail").asText().contains("or use a token bound to a person"), unbound.body());
    assertEquals(403, answerPage(botToken(), pageId, "{\"by\": \"alice\"}").statusCode());
    assertEquals(403, answerPage(alicesToken(), pageId, "{\"by\": \"bob\"}").statusCode());

    HttpResponse<String> bound = answerPage(alicesToken(), pageId, null);
    assertEquals(404, bound.statusCode(), "past the checks, as alice, to a page that does not exist: " + bound.body());
    assertEquals("alice", audited("page", pageId, "page.acknowledge").actor());
  }

  @Test
  void runsAreStartedInTheTokensName() {
    HttpResponse<String> started =
        sendAs(botToken(), HttpRequest.newBuilder(baseUri().resolve("/api/runbooks/http-check/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"http://127.0.0.1:9/\", \"maxAttempts\": 1}")));

    assertEquals(202, started.statusCode(), started.body());
    assertEquals("token:deploy-bot", audited("run", json(started).get("id").asText(), "run.start").actor());
  }

  private synchronized String alicesToken() {
    if (alicesToken == null) {
      alicesToken = createToken("alice-ops", "operator", "alice");
    }
    return alicesToken;
  }

  private synchronized String botToken() {
    if (botToken == null) {
      botToken = createToken("deploy-bot", "operator", null);
    }
    return botToken;
  }

  private AuditEntry audited(String objectType, String objectId, String action) {
    List<AuditEntry> entries =
        audit.forObject(objectType, objectId).stream().filter(e -> e.action().equals(action)).toList();
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }

  private String openIncident() {
    String key = "disk/" + UUID.randomUUID();
    HttpResponse<String> accepted =
        post("/webhooks/events", "application/json",
            """
            {"event_action": "trigger", "dedup_key": "%s",
             "payload": {"summary": "Disk /srv is 97%% full", "source": "nas-1", "severity": "warning"}}
            """.formatted(key));
    assertEquals(202, accepted.statusCode(), accepted.body());
    return eventually(() -> {
      for (JsonNode incident : json(get("/api/incidents?source=events")).get("items")) {
        if (incident.get("dedupeKey").asText().equals(key)) {
          return incident.get("id").asText();
        }
      }
      return null;
    });
  }

  private JsonNode withStatus(String id, String status) {
    JsonNode incident = json(get("/api/incidents/" + id));
    return incident.get("status").asText().equals(status) ? incident : null;
  }

  private HttpResponse<String> settle(String token, String id, String action, String body) {
    return sendAs(token, HttpRequest.newBuilder(baseUri().resolve("/api/incidents/" + id + "/" + action))
        .header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> answerPage(String token, String pageId, String body) {
    return sendAs(token, HttpRequest.newBuilder(baseUri().resolve("/api/pages/" + pageId + "/ack"))
        .header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }
}
