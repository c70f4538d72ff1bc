package dev.remedia.api.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.slack.StubSlackApi;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The whole approval path with the real Slack SDK against a stub Slack: a change-approval run waits,
 * its request reaches the group's channel with Approve and Reject buttons, a signed Approve click from
 * an approver comes back, the run goes on and succeeds, the message shows who approved, and the audit
 * log has the decision.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SlackApprovalEndToEndTest extends ApiTestSupport {

  private static final String ALICE = "U0ALICE01";
  private static final String CHANNEL = "C0LEADS01";
  private static final String CONFIG =
      """
      people:
        - { name: alice, slack: %s }
        - { name: bob, slack: U0BOB0001 }
      approver-groups:
        - { name: release-leads, members: [ { person: alice }, { person: bob } ], slack-channel: %s }
      """
          .formatted(ALICE, CHANNEL);

  private final StubSlackApi slack = SlackEndToEnd.startSlack();

  @Inject AuditLog audit;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(SlackEndToEnd.settings(slack));
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @AfterAll
  void stopSlack() {
    slack.close();
  }

  @Test
  void aRunWaitsForItsApprovalAndASignedSlackClickLetsItGoOn() {
    HttpResponse<String> started =
        post(
            "/api/runbooks/change-approval/runs",
            "application/json",
            """
            {"title": "Deploy api 2.4", "action": "Roll api 2.4 to every region",
             "approvers": "release-leads", "requestedBy": "bob"}
            """);
    assertEquals(202, started.statusCode(), started.body());
    String runId = json(started).get("id").asText();

    StubSlackApi.Received request = eventually(this::firstPost);
    assertEquals(CHANNEL, request.form().get("channel"));
    String approvalId = SlackEndToEnd.buttonValue(request.json("blocks"), "approval.approve");
    assertEquals("RUNNING", json(get("/api/runs/" + runId)).get("status").asText());

    HttpResponse<String> clicked = send(SlackEndToEnd.signedClick(baseUri(), slack, ALICE, "approval.approve", approvalId));
    assertEquals(200, clicked.statusCode(), clicked.body());

    JsonNode run = eventually(() -> succeeded(runId));
    assertEquals("APPROVED by alice via slack", run.get("steps").get(0).get("detail").asText());
    assertEquals("go ahead", run.get("steps").get(1).get("name").asText());
    assertEquals("APPROVED", json(get("/api/approvals/" + approvalId)).get("status").asText());
    eventually(() -> slack.received().stream().anyMatch(r -> r.path().equals("/api/chat.update")) ? true : null);
    assertTrue(slack.last("chat.update").form().get("blocks").contains("Approved by alice"), slack.last("chat.update").form().toString());
    List<String> audited =
        audit.forObject("approval", approvalId).stream().map(e -> e.actor() + " " + e.action() + " " + e.outcome()).toList();
    assertTrue(audited.contains("alice approval.approve counted"), audited.toString());
    assertTrue(audit.forObject("approval", approvalId).stream()
        .anyMatch(e -> e.action().equals("approval.approve") && viaOf(e.detailJson()).equals("slack")), audited.toString());
  }

  private static String viaOf(String detailJson) {
    try {
      return JSON.readTree(detailJson).path("via").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StubSlackApi.Received firstPost() {
    return slack.received().stream()
        .filter(r -> r.path().equals("/api/chat.postMessage"))
        .findFirst()
        .orElse(null);
  }

  private JsonNode succeeded(String runId) {
    JsonNode run = json(get("/api/runs/" + runId));
    return "SUCCEEDED".equals(run.get("status").asText()) ? run : null;
  }
}
