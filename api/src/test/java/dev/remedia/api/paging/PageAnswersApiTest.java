package dev.remedia.api.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A runbook that pages by itself, in dev mode where the console channel stands in for Slack, and
 * {@code POST /api/pages/{id}/ack} and {@code /resolve}: the way such a page is answered without Slack.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class PageAnswersApiTest extends ApiTestSupport {

  private static final String CONFIG =
      """
      people:
        - { name: alice, slack: U0ALICE01 }
      escalation-policies:
        - name: web-oncall
          levels:
            - { notify: [ { person: alice } ], channels: [slack], delay: 10m }
      """;

  @Inject WorkflowClient temporal;
  @Inject AuditLog audit;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @Test
  void aFailedCheckPagesItsPolicyAndAnAcknowledgementThroughTheApiStopsThePaging() {
    String runId = failingCheck();
    JsonNode page = eventually(() -> pageOfRun(runId));
    assertEquals("CONSOLE", page.get("channel").asText());
    assertEquals("alice", page.get("person").asText());
    assertTrue(page.get("incidentId").isNull(), page.toString());
    assertTrue(page.get("summary").asText().startsWith("http-check failed: http://127.0.0.1:9/"), page.toString());
    String pageId = page.get("id").asText();

    HttpResponse<String> ack = answer(pageId, "ack", "{\"by\": \"alice\"}");
    assertEquals(202, ack.statusCode(), ack.body());
    assertEquals("Acknowledged by alice. Paging stops.", json(ack).get("message").asText());
    eventually(() -> completed(page.get("escalationId").asText()));

    HttpResponse<String> again = answer(pageId, "resolve", "{\"by\": \"alice\"}");
    assertEquals(409, again.statusCode(), again.body());
    assertTrue(again.body().contains("Already acknowledged by alice via console"), again.body());
    JsonNode steps = json(get("/api/runs/" + runId)).get("steps");
    assertEquals("page web-oncall", steps.get(1).get("name").asText(), steps.toString());
    assertTrue(
        audit.forObject("page", pageId).stream().anyMatch(e -> e.action().equals("page.acknowledge")),
        "no audit entry for the acknowledgement");
  }

  @Test
  void badAnswersAreRefusedWithWhatWasWrong() {
    String runId = failingCheck();
    JsonNode page = eventually(() -> pageOfRun(runId));
    String pageId = page.get("id").asText();

    assertProblem(answer(pageId, "ack", null), 400, "name who answers");
    assertProblem(answer(pageId, "ack", "{\"by\": 7}"), 400, "'by' must be a non-empty string");
    assertProblem(answer(pageId, "ack", "{\"by\": \"alice\", \"as\": \"admin\"}"), 400, "unknown field 'as'");
    assertProblem(answer("not-a-uuid", "ack", "{\"by\": \"alice\"}"), 400, "is not a UUID");
    assertProblem(answer(UUID.randomUUID().toString(), "ack", "{\"by\": \"alice\"}"), 404, "no page with id");
    assertProblem(answer(pageId, "ack", "{\"by\": \"mallory\"}"), 403, "'mallory' is not a person");
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        temporal.newUntypedWorkflowStub(page.get("escalationId").asText()).describe().getStatus(),
        "a refused answer stopped the paging");
  }

  private void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(detail), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
  }

  /** Starts an http-check of a closed port that pages web-oncall when it fails. */
  private String failingCheck() {
    HttpResponse<String> started =
        post(
            "/api/runbooks/http-check/runs",
            "application/json",
            "{\"url\": \"http://127.0.0.1:9/\", \"maxAttempts\": 1, \"escalation\": \"web-oncall\"}");
    assertEquals(202, started.statusCode(), started.body());
    return json(started).get("id").asText();
  }

  private JsonNode pageOfRun(String runId) {
    for (JsonNode page : json(get("/api/pages?channel=CONSOLE")).get("items")) {
      if (page.get("escalationId").asText().startsWith("escalation/" + runId + ".page-")) {
        return page;
      }
    }
    return null;
  }

  private Boolean completed(String escalationId) {
    WorkflowExecutionStatus status = temporal.newUntypedWorkflowStub(escalationId).describe().getStatus();
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED ? true : null;
  }

  private HttpResponse<String> answer(String pageId, String action, String body) {
    return post("/api/pages/" + pageId + "/" + action, "application/json", body == null ? "" : body);
  }
}
