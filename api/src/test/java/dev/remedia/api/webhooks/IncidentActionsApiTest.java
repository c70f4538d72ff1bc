package dev.remedia.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/incidents/{id}/ack} and {@code /resolve} on incidents opened through a webhook. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class IncidentActionsApiTest extends WebhookTestSupport {

  @Test
  void anAcknowledgementSaysWhoAndHowAndASecondOneIsAConflictThatNamesTheFirst() {
    String id = openIncident();

    HttpResponse<String> ack = settle(id, "ack", "{\"by\": \"alice\"}");
    assertEquals(202, ack.statusCode(), ack.body());
    assertEquals("alice", json(ack).get("by").asText());
    JsonNode incident = eventually(() -> withStatus(id, "ACKNOWLEDGED"));
    assertEquals("alice", incident.get("acknowledgedBy").asText());
    assertEquals("api", incident.get("acknowledgedVia").asText());
    assertTrue(incident.get("secondsToAcknowledge").asLong() >= 0);
    assertTrue(kinds(incident.get("events")).contains("\"acknowledged\""));

    HttpResponse<String> again = settle(id, "ack", "{\"by\": \"bob\"}");
    assertEquals(409, again.statusCode());
    assertTrue(again.body().contains("already acknowledged by alice via api"), again.body());
    assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aResolutionByHandResolvesAndThenNothingMoreCanBeAcknowledged() {
    String id = openIncident();

    assertEquals(202, settle(id, "resolve", "").statusCode());
    JsonNode incident = eventually(() -> withStatus(id, "RESOLVED"));
    assertEquals("token:admin-token", incident.get("resolvedBy").asText(), "without a body, the token resolves");
    assertEquals("api", incident.get("resolvedVia").asText());

    HttpResponse<String> ack = settle(id, "ack", null);
    assertEquals(409, ack.statusCode());
    assertTrue(ack.body().contains("already resolved by token:admin-token via api"), ack.body());
  }

  @Test
  void badRequestsAreRefusedWithWhatWasWrong() {
    String id = openIncident();
    assertProblem(settle("not-a-uuid", "ack", null), 400, "is not a UUID");
    assertProblem(settle(UUID.randomUUID().toString(), "ack", null), 404, "no incident with id");
    assertProblem(settle(id, "ack", "{\"by\":"), 400, "not JSON");
    assertProblem(settle(id, "ack", "[\"alice\"]"), 400, "JSON object");
    assertProblem(settle(id, "ack", "{\"by\": 7}"), 400, "'by' must be a non-empty string");
    assertProblem(settle(id, "ack", "{\"by\": \"" + "x".repeat(101) + "\"}"), 400, "at most 100");
    assertProblem(settle(id, "ack", "{\"by\": \"eve\\u0007\"}"), 400, "control characters");
    assertProblem(settle(id, "ack", "{\"by\": \"eve\", \"as\": \"admin\"}"), 400, "unknown field 'as'");
    assertEquals("OPEN", json(get("/api/incidents/" + id)).get("status").asText());
  }

  private void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(detail), response.body());
  }

  private String openIncident() {
    String body = fixture("events-trigger", "backup/pg-main/nightly-2024-07-03", unique("backup/pg-main"));
    HttpResponse<String> accepted = postWithToken("events", EVENTS_TOKEN, body);
    assertEquals(202, accepted.statusCode(), accepted.body());
    return incidentOf(accepted, incident -> true).get("id").asText();
  }

  private JsonNode withStatus(String id, String status) {
    JsonNode incident = json(get("/api/incidents/" + id));
    return incident.get("status").asText().equals(status) ? incident : null;
  }

  private HttpResponse<String> settle(String id, String action, String body) {
    return send(
        HttpRequest.newBuilder(baseUri().resolve("/api/incidents/" + id + "/" + action))
            .header("Content-Type", "application/json")
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }
}
