package dev.remedia.api.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A change-approval run waiting on its gate, decided through {@code POST /api/approvals/{id}/decision}:
 * the gate's refusals become 403, 409 and 400 with its reason, and every vote is audited.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ApprovalsApiTest extends ApiTestSupport {

  private static final String CONFIG =
      """
      people:
        - { name: alice, slack: U0ALICE01 }
        - { name: bob, slack: U0BOB0001 }
        - { name: carol, slack: U0CAROL01 }
      approver-groups:
        - name: release-leads
          members: [ { person: alice }, { person: bob }, { person: carol } ]
      """;

  @Inject AuditLog audit;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @Test
  void twoApprovalsLetTheRunGoOnAndTheGateRefusesWhatItMust() {
    String runId = startChange(2);
    JsonNode pending = eventually(() -> pendingOf(runId));
    String id = pending.get("id").asText();
    assertEquals("release-leads", pending.get("approverGroup").asText());
    assertEquals(List.of("alice", "bob", "carol"), strings(pending.get("approvers")));
    assertEquals("carol", pending.get("requester").asText());

    assertProblem(decide(id, "approve", "mallory", null), 403, "not in the approver group 'release-leads'");
    assertProblem(decide(id, "approve", "carol", null), 403, "someone else must decide");
    assertProblem(decide(id, "reject", "bob", null), 400, "a rejection needs a reason");

    HttpResponse<String> first = decide(id, "approve", "alice", "looks good");
    assertEquals(200, first.statusCode(), first.body());
    assertEquals("PENDING", json(first).get("status").asText());
    assertEquals("Your approval is counted: 1 of 2 needed.", json(first).get("message").asText());
    assertProblem(decide(id, "approve", "alice", null), 409, "already voted");

    HttpResponse<String> second = decide(id, "approve", "bob", null);
    assertEquals(200, second.statusCode(), second.body());
    assertEquals("APPROVED", json(second).get("status").asText());

    JsonNode run = eventually(() -> runWithStatus(runId, "SUCCEEDED"));
    JsonNode steps = run.get("steps");
    assertEquals("APPROVED by alice via api, bob via api", steps.get(0).get("detail").asText());
    assertEquals("go ahead", steps.get(1).get("name").asText());
    JsonNode approval = eventually(() -> withStatus(id, "APPROVED"));
    assertEquals(2, approval.get("votes").size());
    assertEquals("looks good", approval.get("votes").get(0).get("reason").asText());
    assertProblem(decide(id, "reject", "carol", "too late"), 409, "already approved");

    List<String> audited =
        audit.forObject("approval", id).stream().map(e -> e.actor() + " " + e.action() + " " + e.outcome()).toList();
    assertTrue(audited.contains("carol approval.requested pending"), audited.toString());
    assertTrue(audited.contains("alice approval.approve counted"), audited.toString());
    assertTrue(audited.contains("mallory approval.approve refused"), audited.toString());
    assertTrue(audited.contains("bob approval.approve counted"), audited.toString());
  }

  @Test
  void aRejectionFailsTheRunWithItsReason() {
    String runId = startChange(1);
    String id = eventually(() -> pendingOf(runId)).get("id").asText();

    HttpResponse<String> rejected = decide(id, "reject", "bob", "error budget spent");
    assertEquals(200, rejected.statusCode(), rejected.body());

    JsonNode run = eventually(() -> runWithStatus(runId, "FAILED"));
    assertEquals("not approved: REJECTED by bob via api: error budget spent", run.get("failure").asText());
    assertEquals("REJECTED", json(get("/api/approvals/" + id)).get("status").asText());
  }

  @Test
  void approverTokensDecideAsTheirPersonAndOtherRolesCannotDecide() {
    String runId = startChange(2);
    String id = eventually(() -> pendingOf(runId)).get("id").asText();
    String alices = createToken("alice-approves", "approver", "alice");
    String bobs = createToken("bob-approves", "approver", "bob");
    String operator = createToken("alice-operates", "operator", "alice");

    assertProblem(decideAs(operator, id, "{\"decision\": \"approve\"}"), 403,
        "needs the approver role; the token 'alice-operates' has the operator role");
    assertProblem(decideAs(bobs, id, "{\"decision\": \"approve\", \"by\": \"alice\"}"), 403,
        "the token 'bob-approves' acts as 'bob', so it cannot act as 'alice'");

    HttpResponse<String> alice = decideAs(alices, id, "{\"decision\": \"approve\"}");
    assertEquals(200, alice.statusCode(), alice.body());
    assertEquals("Your approval is counted: 1 of 2 needed.", json(alice).get("message").asText());

    HttpResponse<String> bobByAdmin = decide(id, "approve", "bob", null);
    assertEquals(200, bobByAdmin.statusCode(), bobByAdmin.body());
    assertEquals("APPROVED", json(bobByAdmin).get("status").asText());

    List<String> audited =
        audit.forObject("approval", id).stream()
            .filter(e -> e.action().equals("approval.approve"))
            .map(e -> e.actor() + " " + e.outcome() + " " + e.detailJson())
            .toList();
    assertEquals(2, audited.size(), audited.toString());
    assertTrue(audited.get(0).startsWith("alice counted"), audited.toString());
    assertTrue(audited.get(0).contains("\"token\": \"token:alice-approves\""), audited.toString());
    assertTrue(audited.get(1).startsWith("bob counted"), audited.toString());
    assertTrue(audited.get(1).contains("\"actingFor\": \"bob\""), audited.toString());
  }

  @Test
  void badRequestsAreRefusedWithWhatWasWrong() {
    String runId = startChange(1);
    String id = eventually(() -> pendingOf(runId)).get("id").asText();

    assertProblem(post("/api/approvals/" + id + "/decision", "application/json", "{\"decision\":"), 400, "not JSON");
    assertProblem(post("/api/approvals/" + id + "/decision", "application/json", "{\"by\": \"alice\"}"), 400, "'decision' is required");
    assertProblem(decide(id, "maybe", "alice", null), 400, "must be approve or reject");
    assertProblem(post("/api/approvals/" + id + "/decision", "application/json", "{\"decision\": \"approve\"}"), 400, "'by' is required");
    assertProblem(
        post("/api/approvals/" + id + "/decision", "application/json", "{\"decision\": \"approve\", \"by\": \"alice\", \"as\": \"admin\"}"),
        400, "unknown field 'as'");
    assertProblem(decide(id, "reject", "alice", "x".repeat(2001)), 400, "at most 2000");
    assertProblem(decide("no-such-approval", "approve", "alice", null), 404, "no approval");
    assertProblem(get("/api/approvals/00000000-0000-0000-0000-000000000000"), 404, "no approval with id");
    assertProblem(get("/api/approvals?status=MAYBE"), 400, "status");
    assertEquals("PENDING", json(get("/api/approvals/" + id)).get("status").asText());
  }

  private String startChange(int required) {
    HttpResponse<String> started =
        post(
            "/api/runbooks/change-approval/runs",
            "application/json",
            """
            {"title": "Deploy api 2.4", "action": "Roll api 2.4 to every region", "reason": "login fix",
             "approvers": "release-leads", "required": %d, "requestedBy": "carol"}
            """
                .formatted(required));
    assertEquals(202, started.statusCode(), started.body());
    return json(started).get("id").asText();
  }

  private JsonNode pendingOf(String runId) {
    for (JsonNode approval : json(get("/api/approvals?status=pending")).get("items")) {
      if (runId.equals(approval.path("runId").asText())) {
        return approval;
      }
    }
    return null;
  }

  private JsonNode runWithStatus(String runId, String status) {
    JsonNode run = json(get("/api/runs/" + runId));
    return status.equals(run.get("status").asText()) ? run : null;
  }

  private JsonNode withStatus(String id, String status) {
    JsonNode approval = json(get("/api/approvals/" + id));
    return status.equals(approval.get("status").asText()) ? approval : null;
  }

  private HttpResponse<String> decide(String id, String decision, String by, String reason) {
    String body =
        reason == null
            ? "{\"decision\": \"%s\", \"by\": \"%s\"}".formatted(decision, by)
            : "{\"decision\": \"%s\", \"by\": \"%s\", \"reason\": \"%s\"}".formatted(decision, by, reason);
    return post("/api/approvals/" + id + "/decision", "application/json", body);
  }

  private HttpResponse<String> decideAs(String token, String id, String body) {
    return sendAs(
        token,
        HttpRequest.newBuilder(baseUri().resolve("/api/approvals/" + id + "/decision"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(detail), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
  }
}
