package dev.remedia.api.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.api.TargetServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /api/runs/{id}/cancel} and {@code /retry} against real runs of {@code http-check}: a run
 * that keeps retrying an unreachable target is cancelled mid-step, a run that gave up is retried with its
 * stored input, and every attempt, accepted or refused, is audited.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class RunControlApiTest extends ApiTestSupport {

  @Inject AuditLog audit;
  @Inject WorkflowClient temporal;

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
  void aRunningRunIsCancelledMidStepAndEndsCancelled() {
    String id = start("{\"url\": \"" + unreachable() + "\", \"maxAttempts\": 10}");
    eventually(() -> json(get("/api/runs/" + id)).get("steps").size() > 0 ? true : null);

    HttpResponse<String> cancelled = cancel(id, "{\"by\": \"alice\", \"reason\": \"wrong target\"}");

    assertEquals(202, cancelled.statusCode(), cancelled.body());
    assertEquals("alice", json(cancelled).get("by").asText());
    assertEquals("/api/runs/" + id, json(cancelled).get("location").asText());
    JsonNode run = awaitEnd(id);
    assertEquals("CANCELLED", run.get("status").asText());
    assertEquals("CANCELLED", run.get("steps").get(0).get("state").asText());
    AuditEntry entry = last(id, "run.cancel");
    assertEquals("alice requested", entry.actor() + " " + entry.outcome());
    // The admin token of the tests acted for alice, and the entry says so.
    assertEquals(
        "{\"token\": \"token:admin-token\", \"reason\": \"wrong target\", \"actingFor\": \"alice\"}",
        entry.detailJson());

    HttpResponse<String> again = cancel(id, null);
    assertProblem(again, 409, "already ended CANCELLED");
    assertEquals("token:admin-token refused", last(id, "run.cancel").actor() + " " + last(id, "run.cancel").outcome());
  }

  @Test
  void cancellingWhatCannotBeCancelledIsAProblem() {
    assertProblem(cancel("http-check-" + UUID.randomUUID(), null), 404, "no run with id");
    assertProblem(cancel("not%20a%20run%00", null), 404, "no run with that id");
    String succeeded = start("{\"url\": \"" + reachable() + "\"}");
    awaitEnd(succeeded);
    assertProblem(cancel(succeeded, null), 409, "already ended SUCCEEDED");
    assertProblem(cancel(succeeded, "{\"by\": \"alice\", \"as\": \"admin\"}"), 400, "unknown field 'as'");
  }

  @Test
  void aFailedRunIsRetriedWithItsStoredInputAndTheTwoAreLinked() {
    String failed = start("{\"url\": \"" + unreachable() + "\", \"maxAttempts\": 1}");
    JsonNode original = awaitEnd(failed);
    assertEquals("FAILED", original.get("status").asText());

    HttpResponse<String> retried = retry(failed, "{\"by\": \"bob\"}", null);

    assertEquals(202, retried.statusCode(), retried.body());
    String retry = json(retried).get("id").asText();
    assertNotEquals(failed, retry);
    assertTrue(retry.startsWith("http-check-"), retry);
    assertEquals("/api/runs/" + retry, retried.headers().firstValue("Location").orElseThrow());
    assertEquals(failed, json(retried).get("retryOf").asText());
    JsonNode run = awaitEnd(retry);
    assertEquals(original.get("input"), run.get("input"));
    assertEquals(failed, run.get("retryOf").asText());
    assertEquals(List.of(retry), List.of(json(get("/api/runs/" + failed)).get("retriedBy").get(0).asText()));
    AuditEntry entry = last(failed, "run.retry");
    assertEquals("bob started", entry.actor() + " " + entry.outcome());
    assertEquals(
        "{\"retry\": \"" + retry + "\", \"token\": \"token:admin-token\", \"actingFor\": \"bob\"}",
        entry.detailJson());
    assertEquals("run.start", audit.forObject("run", retry).get(0).action());
  }

  @Test
  void aCancelledRunCanBeRetriedAndAnIdempotencyKeyMakesTheRetryHappenOnce() {
    String id = start("{\"url\": \"" + unreachable() + "\", \"maxAttempts\": 10}");
    assertEquals(202, cancel(id, null).statusCode());
    assertEquals("CANCELLED", awaitEnd(id).get("status").asText());

    HttpResponse<String> first = retry(id, null, "retry-" + id);
    HttpResponse<String> repeat = retry(id, null, "retry-" + id);

    assertEquals(202, first.statusCode(), first.body());
    assertEquals(200, repeat.statusCode(), repeat.body());
    assertEquals(json(first).get("id"), json(repeat).get("id"));
    assertTrue(json(repeat).get("replayed").asBoolean());
    assertEquals("replayed", last(id, "run.retry").outcome());
    cancel(json(first).get("id").asText(), null);
  }

  @Test
  void aRunTerminatedInTemporalCannotBeCancelledButCanBeRetriedThoughItsRecordStillSaysRunning() {
    String id = start("{\"url\": \"" + unreachable() + "\", \"maxAttempts\": 10}");
    temporal.newUntypedWorkflowStub(id).terminate("stuck, ended by hand in Temporal");
    assertEquals("RUNNING", json(get("/api/runs/" + id)).get("status").asText());
    assertProblem(cancel(id, null), 409, "has already ended in Temporal (TERMINATED)");

    HttpResponse<String> retried = retry(id, null, null);

    assertEquals(202, retried.statusCode(), retried.body());
    cancel(json(retried).get("id").asText(), null);
  }

  @Test
  void onlyARunThatDidNotSucceedCanBeRetried() {
    String running = start("{\"url\": \"" + unreachable() + "\", \"maxAttempts\": 10}");
    String succeeded = start("{\"url\": \"" + reachable() + "\"}");
    awaitEnd(succeeded);

    assertProblem(retry(running, null, null), 409, "is RUNNING; only a run that failed, was cancelled");
    assertProblem(retry(succeeded, null, null), 409, "is SUCCEEDED");
    assertProblem(retry("http-check-" + UUID.randomUUID(), null, null), 404, "no run with id");
    assertEquals("refused", last(running, "run.retry").outcome());
    assertTrue(last(running, "run.retry").detailJson().contains("is RUNNING"));
    cancel(running, null);
  }

  private String start(String body) {
    HttpResponse<String> started = post("/api/runbooks/http-check/runs", "application/json", body);
    assertEquals(202, started.statusCode(), started.body());
    return json(started).get("id").asText();
  }

  private HttpResponse<String> cancel(String id, String body) {
    return send(
        HttpRequest.newBuilder(baseUri().resolve("/api/runs/" + id + "/cancel"))
            .header("Content-Type", "application/json")
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> retry(String id, String body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUri().resolve("/api/runs/" + id + "/retry"))
            .header("Content-Type", "application/json")
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  private AuditEntry last(String runId, String action) {
    List<AuditEntry> entries = audit.forObject("run", runId).stream().filter(e -> e.action().equals(action)).toList();
    assertTrue(!entries.isEmpty(), "no " + action + " audited for " + runId);
    return entries.get(entries.size() - 1);
  }

  private String reachable() {
    return target.base() + "/health";
  }

  private static String unreachable() {
    return "http://127.0.0.1:" + freePort() + "/";
  }

  private JsonNode awaitEnd(String id) {
    return eventually(
        () -> {
          JsonNode run = json(get("/api/runs/" + id));
          return "RUNNING".equals(run.get("status").asText()) ? null : run;
        });
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(json(response).get("detail").asText().contains(detail), response.body());
  }
}
