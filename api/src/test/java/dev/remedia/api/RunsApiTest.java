package dev.remedia.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.AuditLog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class RunsApiTest extends ApiTestSupport {

  @Inject AuditLog audit;

  private TargetServer target;

  @BeforeAll
  void startTarget() throws IOException {
    target = TargetServer.answering();
  }

  @AfterAll
  void stopTarget() {
    target.close();
  }

  @Test
  void theCatalogListsHttpCheckWithItsInputSchema() {
    HttpResponse<String> response = get("/api/runbooks");

    assertEquals(200, response.statusCode());
    JsonNode httpCheck = json(response).get(0);
    assertEquals("http-check", httpCheck.get("name").asText());
    JsonNode schema = httpCheck.get("inputSchema");
    assertEquals("url", schema.get("required").get(0).asText());
    assertEquals("integer", schema.get("properties").get("maxAttempts").get("type").asText());
    assertEquals(false, schema.get("additionalProperties").asBoolean());
  }

  @Test
  void aRunStartedOverHttpSucceedsWithItsTimelineAndIsAudited() {
    String url = target.base() + "/health";
    HttpResponse<String> started =
        post("/api/runbooks/http-check/runs", "application/json", "{\"url\": \"" + url + "\"}");

    assertEquals(202, started.statusCode(), started.body());
    String id = json(started).get("id").asText();
    assertEquals("/api/runs/" + id, started.headers().firstValue("Location").orElseThrow());

    JsonNode run = awaitEnd(id);
    assertEquals("SUCCEEDED", run.get("status").asText());
    assertEquals(url, run.get("input").get("url").asText());
    assertEquals(4, run.get("input").get("maxAttempts").asInt(), "defaults are stored with the input");
    assertEquals(200, run.get("result").get("statusCode").asInt());
    JsonNode steps = run.get("steps");
    assertEquals("probe", steps.get(0).get("name").asText());
    assertEquals("SUCCEEDED", steps.get(0).get("state").asText());
    assertTrue(steps.get(0).get("detail").asText().startsWith("HTTP 200 in "));
    assertEquals("SKIPPED", steps.get(1).get("state").asText());
    assertEquals("run.start", audit.forObject("run", id).get(0).action());
  }

  @Test
  void anUnreachableTargetEndsFailedWithAReadableReason() {
    String url = "http://127.0.0.1:" + freePort() + "/";
    HttpResponse<String> started =
        post("/api/runbooks/http-check/runs", "application/json", "{\"url\": \"" + url + "\", \"maxAttempts\": 2}");

    JsonNode run = awaitEnd(json(started).get("id").asText());

    assertEquals("FAILED", run.get("status").asText());
    assertEquals(url + ": cannot connect: connection refused (gave up after 2 attempts)", run.get("failure").asText());
    assertEquals("FAILED", run.get("steps").get(0).get("state").asText());
  }

  @Test
  void runsAreListedNewestFirstFilteredAndPaged() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String url = target.base() + "/" + i;
      ids.add(json(post("/api/runbooks/http-check/runs", "application/json", "{\"url\": \"" + url + "\"}")).get("id").asText());
    }
    ids.forEach(this::awaitEnd);

    JsonNode first = json(get("/api/runs?runbook=http-check&status=succeeded&limit=2"));
    assertEquals(2, first.get("items").size());
    assertEquals(ids.get(2), first.get("items").get(0).get("id").asText(), "newest first");
    String next = first.get("next").asText();
    JsonNode second = json(get("/api/runs?runbook=http-check&status=SUCCEEDED&limit=2&cursor=" + next));
    assertNotEquals(first.get("items").get(1).get("id"), second.get("items").get(0).get("id"));
    assertEquals(ids.get(0), second.get("items").get(0).get("id").asText());
    JsonNode cancelled = json(get("/api/runs?status=CANCELLED"));
    assertEquals(0, cancelled.get("items").size(), "an empty page still lists its items");
    assertTrue(cancelled.get("next").isNull());
  }

  @Test
  void aRetriedStartWithTheSameIdempotencyKeyReturnsTheFirstRunInsteadOfStartingAnother() {
    String body = "{\"url\": \"" + target.base() + "/once\"}";
    String key = "deploy-4821-" + System.nanoTime();

    HttpResponse<String> first = send(startWithKey(body, key));
    HttpResponse<String> retry = send(startWithKey(body, key));
    HttpResponse<String> otherKey = send(startWithKey(body, key + "-b"));

    assertEquals(202, first.statusCode(), first.body());
    assertEquals(200, retry.statusCode(), retry.body());
    String id = json(first).get("id").asText();
    assertEquals(id, json(retry).get("id").asText());
    assertTrue(json(retry).get("replayed").asBoolean());
    assertNotEquals(id, json(otherKey).get("id").asText());
    assertEquals(List.of("started", "replayed"), audit.forObject("run", id).stream().map(AuditLog.AuditEntry::outcome).toList());
  }

  @Test
  void anIdempotencyKeyReusedForADifferentInputIsAConflict() {
    String key = "reused-" + System.nanoTime();
    String url = target.base() + "/";
    HttpResponse<String> first = send(startWithKey("{\"url\": \"" + url + "a\"}", key));
    awaitEnd(json(first).get("id").asText());

    HttpResponse<String> same = send(startWithKey("{\"url\": \"" + url + "a\", \"maxAttempts\": 4}", key));
    HttpResponse<String> other = send(startWithKey("{\"url\": \"" + url + "b\"}", key));

    assertEquals(200, same.statusCode(), "the same input with its defaults spelled out: " + same.body());
    assertEquals("SUCCEEDED", json(same).get("status").asText());
    assertEquals(409, other.statusCode(), other.body());
    assertEquals("application/problem+json", other.headers().firstValue("Content-Type").orElse(""));
    assertTrue(json(other).get("detail").asText().contains("with a different input"));
  }

  private HttpRequest.Builder startWithKey(String body, String key) {
    return HttpRequest.newBuilder(baseUri().resolve("/api/runbooks/http-check/runs"))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @Test
  void healthReportsEachComponent() {
    HttpResponse<String> response = get("/health");

    assertEquals(200, response.statusCode());
    JsonNode details = json(response).get("details");
    for (String component : List.of("postgresql", "temporal", "worker")) {
      assertEquals("UP", details.get(component).get("status").asText(), component);
    }
    assertTrue(details.get("temporal").get("details").get("runs").asText().contains("in-process Temporal test server"));
    assertEquals(404, get("/beans").statusCode(), "only /health of the management endpoints is served");
    assertEquals(404, get("/loggers").statusCode());
  }

  private JsonNode awaitEnd(String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = get("/api/runs/" + id);
      if (response.statusCode() == 200 && !"RUNNING".equals(json(response).get("status").asText())) {
        return json(response);
      }
      pause();
    }
    throw new AssertionError("run " + id + " did not end: " + get("/api/runs/" + id).body());
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
