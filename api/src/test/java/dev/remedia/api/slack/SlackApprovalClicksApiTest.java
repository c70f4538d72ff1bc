package dev.remedia.api.slack;

import static dev.remedia.api.slack.SlackInteractionsApiTest.SIGNING_SECRET;
import static dev.remedia.api.slack.SlackInteractionsApiTest.encode;
import static dev.remedia.api.slack.SlackInteractionsApiTest.interaction;
import static dev.remedia.api.slack.SlackInteractionsApiTest.now;
import static dev.remedia.api.slack.SlackInteractionsApiTest.signedHeaders;
import static dev.remedia.api.slack.SlackInteractionsApiTest.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.api.approvals.RecordingApprovalDecisions;
import dev.remedia.api.approvals.RecordingApprovalDecisions.Cast;
import dev.remedia.workflows.approval.Vote;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Approve and Reject clicks through HTTP into the whole application, signed as Slack signs them, with
 * a recording stand-in for the gates' decisions and a stub for Slack's response_url.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SlackApprovalClicksApiTest extends ApiTestSupport {

  private static final String ALICE = "U0ALICE";
  private static final String CONFIG =
      """
      people:
        - { name: alice, slack: U0ALICE }
        - { name: bob, slack: U0BOB }
      """;

  private final ResponseUrlStub responseUrls = new ResponseUrlStub();

  @Inject RecordingApprovalDecisions decisions;
  @Inject AuditLog audit;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put(RecordingApprovalDecisions.ENABLED, "true");
    properties.put("remedia.slack.signing-secret", SIGNING_SECRET);
    properties.put("remedia.slack.response-url-prefix", responseUrls.baseUrl());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @AfterAll
  void stopStub() {
    responseUrls.close();
  }

  @Test
  void aSignedApproveIsCastAsTheConfiguredPersonAndTheyAreToldItCounted() throws Exception {
    String approvalId = unique("appr");

    HttpResponse<String> response = postSigned(click(ALICE, "approval.approve", approvalId, "approve", null));

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        List.of(new Cast(approvalId, "alice", Vote.APPROVE, null, "slack", "127.0.0.1")), decisions.castOn(approvalId));
    JsonNode reply = JSON.readTree(responseUrls.awaitPost("approve").body());
    assertEquals("ephemeral", reply.get("response_type").asText());
    assertFalse(reply.get("replace_original").asBoolean());
    assertEquals(RecordingApprovalDecisions.COUNTED, reply.get("text").asText());
  }

  @Test
  void aRejectCarriesWhatWasTypedInTheReasonField() throws Exception {
    String approvalId = unique("appr");

    HttpResponse<String> response =
        postSigned(click("U0BOB", "approval.reject", approvalId, "reject", "wave 1 shows boot loops\non 3 gateways"));

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        List.of(new Cast(approvalId, "bob", Vote.REJECT, "wave 1 shows boot loops\non 3 gateways", "slack", "127.0.0.1")),
        decisions.castOn(approvalId));
    assertEquals(
        "Rejected by bob. The run will not go ahead.",
        JSON.readTree(responseUrls.awaitPost("reject").body()).get("text").asText());
  }

  @Test
  void aRejectWithoutAReasonGetsTheGatesRefusalPrivately() throws Exception {
    String approvalId = unique("appr");

    assertEquals(200, postSigned(click(ALICE, "approval.reject", approvalId, "no-reason", "  ")).statusCode());

    assertEquals(List.of(new Cast(approvalId, "alice", Vote.REJECT, null, "slack", "127.0.0.1")), decisions.castOn(approvalId));
    assertEquals(
        RecordingApprovalDecisions.REASON_REQUIRED,
        JSON.readTree(responseUrls.awaitPost("no-reason").body()).get("text").asText());
  }

  @Test
  void aForbiddenOrConflictingVoteIsExplainedPrivately() throws Exception {
    assertEquals(200, postSigned(click(ALICE, "approval.approve", unique("forbidden"), "forbidden", null)).statusCode());
    assertEquals(200, postSigned(click(ALICE, "approval.approve", unique("conflict"), "conflict", null)).statusCode());

    assertEquals(
        RecordingApprovalDecisions.FORBIDDEN, JSON.readTree(responseUrls.awaitPost("forbidden").body()).get("text").asText());
    assertEquals(
        RecordingApprovalDecisions.CONFLICT, JSON.readTree(responseUrls.awaitPost("conflict").body()).get("text").asText());
  }

  @Test
  void someoneNotInTheConfigurationIsToldSoAndNothingIsCast() throws Exception {
    String approvalId = unique("appr");

    HttpResponse<String> response = postSigned(click("U0MALLORY", "approval.approve", approvalId, "stranger", null));

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(ApprovalActionHandler.NOT_CONFIGURED, JSON.readTree(responseUrls.awaitPost("stranger").body()).get("text").asText());
    assertTrue(decisions.castOn(approvalId).isEmpty());
    assertTrue(
        audit.forObject("approval", approvalId).stream()
            .anyMatch(e -> e.actor().equals("U0MALLORY") && e.action().equals("approval.approve")
                && e.outcome().equals("refused")),
        "the refused click is audited");
  }

  @Test
  void aForgedOrStaleSignatureIsRefusedAndNeverReachesTheGate() {
    String approvalId = unique("appr");
    String body = click(ALICE, "approval.approve", approvalId, "forged", null);
    long timestamp = now();

    HttpResponse<String> forged =
        send(interaction(baseUri(), body, signedHeaders("not-the-signing-secret", timestamp, body)));
    HttpResponse<String> stale = send(interaction(baseUri(), body, signedHeaders(SIGNING_SECRET, timestamp - 301, body)));

    assertEquals(401, forged.statusCode(), forged.body());
    assertEquals("the X-Slack-Signature signature does not match the request", json(forged).get("detail").asText());
    assertEquals(401, stale.statusCode(), stale.body());
    assertTrue(decisions.castOn(approvalId).isEmpty());
  }

  @Test
  void aReasonLongerThanSlackAllowsOrNotTextIsABadRequest() {
    String approvalId = unique("appr");

    HttpResponse<String> tooLong = postSigned(click(ALICE, "approval.reject", approvalId, "x", "a".repeat(3001)));
    ObjectNode notText = payload(ALICE, "approval.reject", approvalId, "x", null);
    notText.putObject("state").putObject("values").putObject("approval.reason").putObject("approval.reason").put("value", 42);
    HttpResponse<String> number = postSigned("payload=" + encode(notText.toString()));

    assertEquals(400, tooLong.statusCode(), tooLong.body());
    assertEquals(
        "state.values.approval.reason.approval.reason.value is longer than 3000 characters", json(tooLong).get("detail").asText());
    assertEquals(400, number.statusCode(), number.body());
    assertEquals("state.values.approval.reason.approval.reason.value must be a string", json(number).get("detail").asText());
    assertTrue(decisions.castOn(approvalId).isEmpty());
  }

  @Test
  void anUnknownApprovalActionIsABadRequestAndTheReasonFieldIsNoVote() {
    String approvalId = unique("appr");

    HttpResponse<String> unknown = postSigned(click(ALICE, "approval.defer", approvalId, "x", null));
    HttpResponse<String> typing = postSigned(click(ALICE, "approval.reason", approvalId, "x", "half a reas"));

    assertEquals(400, unknown.statusCode(), unknown.body());
    assertEquals(
        "unknown approval action 'approval.defer'; the approval buttons are approval.approve and approval.reject",
        json(unknown).get("detail").asText());
    assertEquals(200, typing.statusCode(), typing.body());
    assertTrue(decisions.castOn(approvalId).isEmpty());
  }

  private HttpResponse<String> postSigned(String body) {
    return send(interaction(baseUri(), body, signedHeaders(SIGNING_SECRET, now(), body)));
  }

  private String click(String userId, String actionId, String approvalId, String replyPath, String reason) {
    return "payload=" + encode(payload(userId, actionId, approvalId, replyPath, reason).toString());
  }

  /** A click on the approval message, whose reason field Slack reports in state.values with every click. */
  private ObjectNode payload(String userId, String actionId, String approvalId, String replyPath, String reason) {
    ObjectNode payload = SlackInteractionsApiTest.payload(userId, actionId, approvalId, responseUrls.url(replyPath));
    if (reason != null) {
      payload.putObject("state").putObject("values").putObject("approval.reason").putObject("approval.reason")
          .put("type", "plain_text_input").put("value", reason);
    }
    return payload;
  }
}
