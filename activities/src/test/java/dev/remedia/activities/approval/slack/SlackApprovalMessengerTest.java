package dev.remedia.activities.approval.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import dev.remedia.activities.approval.ApprovalNotice;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.slack.SlackClients;
import dev.remedia.activities.slack.StubSlackApi;
import dev.remedia.workflows.approval.ApprovalOutcome;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.BlastRadius;
import dev.remedia.workflows.approval.Decision;
import dev.remedia.workflows.approval.Vote;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Approval requests through the real SDK against the local stand-in for Slack's Web API, which checks
 * the token and answers as Slack does, so each test sees the requests Slack would receive.
 */
@Timeout(60)
class SlackApprovalMessengerTest {

  private static final String CHANNEL = "C0FLEETLEADS";
  private static final Instant DEADLINE = Instant.parse("2025-03-04T18:30:00Z");
  private static final Person ALICE = person("alice", "U0ALICE");
  private static final Person BOB = person("bob", "U0BOB");
  private static final Person CAROL = person("carol", null);

  private StubSlackApi stub;
  private Slack slack;
  private SlackApprovalMessenger messenger;

  @BeforeEach
  void startStub() throws Exception {
    stub = new StubSlackApi();
    slack = SlackClients.create(stub.apiUrl());
    messenger = new SlackApprovalMessenger(slack.methods(StubSlackApi.TOKEN));
  }

  @AfterEach
  void stopStub() throws Exception {
    slack.close();
    stub.close();
  }

  @Test
  void aRequestIsOneMessageToTheGroupsChannelWithEverythingToWeighAReasonFieldAndBothButtons() {
    List<String> refs = messenger.ask(notice("appr-7f3a"), CHANNEL, List.of(ALICE, BOB, CAROL));

    assertEquals(List.of(CHANNEL + ":" + stub.lastTs(CHANNEL)), refs);
    assertEquals(1, stub.received().size());
    StubSlackApi.Received post = stub.last("chat.postMessage");
    assertEquals("POST", post.httpMethod());
    assertEquals("Bearer " + StubSlackApi.TOKEN, post.authorization());
    assertEquals(CHANNEL, post.form().get("channel"));
    assertEquals("Approval needed: Roll firmware 4.2 to wave 2", post.form().get("text"));
    assertNull(post.form().get("metadata"));

    JsonNode blocks = post.json("blocks");
    assertEquals("header", blocks.get(0).get("type").asText());
    assertEquals("Approval needed: Roll firmware 4.2 to wave 2", blocks.get(0).get("text").get("text").asText());
    assertEquals(
        "*What will happen:* Flash 4.2.0 on 1,200 gateways\n*Why:* wave 1 is healthy &lt;!channel&gt;\n"
            + "*Blast radius:* 1200 gateways: gw-1, gw-2 and 1198 more",
        blocks.get(1).get("text").get("text").asText());
    assertEquals(
        "*Approvals needed:* 2 of 3 in fleet-leads\n"
            + "*Deadline:* <!date^" + DEADLINE.getEpochSecond() + "^{date_short_pretty} at {time}|2025-03-04 18:30 UTC>\n"
            + "*Requested by:* dave",
        blocks.get(2).get("text").get("text").asText());
    assertEquals(
        "<https://remedia.example/api/approvals/appr-7f3a|Open the request in Remedia>  ·  "
            + "<https://wiki.example/ota?wave=2&amp;x=%7C>",
        blocks.get(3).get("elements").get(0).get("text").asText());

    JsonNode input = blocks.get(4);
    assertEquals("input", input.get("type").asText());
    assertEquals("approval.reason", input.get("block_id").asText());
    assertTrue(input.get("optional").asBoolean());
    assertFalse(input.has("dispatch_action"), "typing a reason must not send an interaction");
    assertEquals("plain_text_input", input.get("element").get("type").asText());
    assertEquals("approval.reason", input.get("element").get("action_id").asText());
    assertTrue(input.get("element").get("multiline").asBoolean());
    assertEquals(3000, input.get("element").get("max_length").asInt());

    JsonNode actions = blocks.get(5);
    assertEquals("actions", actions.get("type").asText());
    JsonNode approve = actions.get("elements").get(0);
    assertButton(approve, "Approve", "approval.approve", "appr-7f3a", "primary");
    assertFalse(approve.has("confirm"));
    JsonNode reject = actions.get("elements").get(1);
    assertButton(reject, "Reject", "approval.reject", "appr-7f3a", "danger");
    assertEquals("Reject this request?", reject.get("confirm").get("title").get("text").asText());
    assertEquals("Reject", reject.get("confirm").get("confirm").get("text").asText());
    assertEquals("danger", reject.get("confirm").get("style").asText());
    assertEquals(6, blocks.size());
  }

  @Test
  void withoutAChannelEachApproverWithASlackIdGetsADirectMessage() {
    List<String> refs = messenger.ask(notice("appr-dm"), null, List.of(ALICE, CAROL, BOB));

    List<String> channels = stub.received().stream().map(r -> r.form().get("channel")).toList();
    assertEquals(List.of("U0ALICE", "U0BOB"), channels, "carol has no Slack id and is skipped");
    assertEquals(List.of("D0ALICE:" + stub.lastTs("D0ALICE"), "D0BOB:" + stub.lastTs("D0BOB")), refs);
    JsonNode blocks = stub.last("chat.postMessage").json("blocks");
    assertEquals("approval.approve", blocks.get(5).get("elements").get(0).get("action_id").asText());
  }

  @Test
  void nobodyWithASlackIdMeansNothingIsPosted() {
    assertEquals(List.of(), messenger.ask(notice("appr-none"), " ", List.of(CAROL)));
    assertTrue(stub.received().isEmpty());
  }

  @Test
  void aDestinationSlackRefusesForGoodIsSkippedAndTheOthersAreStillAsked() {
    stub.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"user_not_found\"}");

    List<String> refs = messenger.ask(notice("appr-gone"), null, List.of(ALICE, BOB));

    assertEquals(List.of("D0BOB:" + stub.lastTs("D0BOB")), refs);
  }

  @Test
  void aTransientFailureOrARateLimitIsRetriedByTemporal() {
    stub.failNext("chat.postMessage", 503, Map.of(), "<html>Service Unavailable</html>");
    ApplicationFailure unavailable =
        assertThrows(ApplicationFailure.class, () -> messenger.ask(notice("appr-503"), CHANNEL, List.of(ALICE)));
    assertFalse(unavailable.isNonRetryable());
    assertEquals("UNREACHABLE", unavailable.getType());

    stub.failNext("chat.postMessage", 429, Map.of("Retry-After", "7"), "{\"ok\":false,\"error\":\"ratelimited\"}");
    ApplicationFailure limited =
        assertThrows(ApplicationFailure.class, () -> messenger.ask(notice("appr-429"), CHANNEL, List.of(ALICE)));
    assertFalse(limited.isNonRetryable());
    assertEquals(Duration.ofSeconds(7), limited.getNextRetryDelay());
  }

  @Test
  void anApprovalReplacesTheButtonsOfEveryMessageWithWhoApprovedAndHow() {
    ApprovalNotice notice = notice("appr-ok");
    List<String> refs = messenger.ask(notice, null, List.of(ALICE, BOB));
    ApprovalOutcome outcome =
        new ApprovalOutcome(
            "appr-ok", ApprovalStatus.APPROVED,
            List.of(decision("alice", Vote.APPROVE, null, "slack"), decision("bob", Vote.APPROVE, null, "api")), null);

    messenger.show(notice, outcome, refs);

    List<StubSlackApi.Received> updates = updates();
    assertEquals(List.of("D0ALICE", "D0BOB"), updates.stream().map(u -> u.form().get("channel")).toList());
    assertEquals(List.of(stub.lastTs("D0ALICE"), stub.lastTs("D0BOB")), updates.stream().map(u -> u.form().get("ts")).toList());
    StubSlackApi.Received update = updates.get(0);
    assertEquals("Bearer " + StubSlackApi.TOKEN, update.authorization());
    assertEquals("Roll firmware 4.2 to wave 2: Approved by alice (slack), bob (api)", update.form().get("text"));
    JsonNode blocks = update.json("blocks");
    assertEquals("Approval needed: Roll firmware 4.2 to wave 2", blocks.get(0).get("text").get("text").asText());
    assertTrue(blocks.get(1).get("text").get("text").asText().startsWith("*What will happen:* Flash 4.2.0"));
    assertTrue(blocks.get(2).get("text").get("text").asText().startsWith("*Approvals needed:* 2 from fleet-leads\n"));
    JsonNode last = blocks.get(blocks.size() - 1);
    assertEquals("context", last.get("type").asText());
    assertEquals("*Approved by alice (slack), bob (api)*", last.get("elements").get(0).get("text").asText());
    for (JsonNode block : blocks) {
      assertFalse(List.of("actions", "input").contains(block.get("type").asText()), "no buttons or field left: " + block);
    }
  }

  @Test
  void aRejectionAnExpiryAndACancellationSayWhatHappened() {
    ApprovalNotice notice = notice("appr-end");
    List<String> refs = messenger.ask(notice, CHANNEL, List.of(ALICE));

    messenger.show(
        notice,
        new ApprovalOutcome(
            "appr-end", ApprovalStatus.REJECTED,
            List.of(decision("alice", Vote.APPROVE, null, "api"), decision("bob", Vote.REJECT, "wave 1 <b>errors</b>", "slack")),
            "wave 1 <b>errors</b>"),
        refs);
    messenger.show(
        notice, new ApprovalOutcome("appr-end", ApprovalStatus.EXPIRED, List.of(), "nobody decided by the deadline"), refs);
    messenger.show(
        notice, new ApprovalOutcome("appr-end", ApprovalStatus.CANCELLED, List.of(), "the run that asked was cancelled"), refs);

    List<String> lines =
        updates().stream()
            .map(u -> u.json("blocks"))
            .map(b -> b.get(b.size() - 1).get("elements").get(0).get("text").asText())
            .toList();
    assertEquals(
        List.of(
            "*Rejected by bob (slack): wave 1 &lt;b&gt;errors&lt;/b&gt;*",
            "*Expired: nobody decided by the deadline*",
            "*Cancelled: the run that asked was cancelled*"),
        lines);
  }

  @Test
  void aMessageThatNoLongerExistsIsSkippedAndTheRestAreStillUpdated() {
    ApprovalNotice notice = notice("appr-deleted");
    List<String> refs = new ArrayList<>(messenger.ask(notice, null, List.of(ALICE, BOB)));
    stub.failNext("chat.update", 200, Map.of(), "{\"ok\":false,\"error\":\"message_not_found\"}");

    messenger.show(notice, expired("appr-deleted"), refs);

    assertEquals(2, updates().size());
    stub.failNext("chat.update", 200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}");
    messenger.show(notice, expired("appr-deleted"), refs);
    assertEquals(4, updates().size());
  }

  @Test
  void aTransientFailureWhileShowingTheOutcomeIsRetried() {
    ApprovalNotice notice = notice("appr-retry");
    List<String> refs = messenger.ask(notice, CHANNEL, List.of(ALICE));
    stub.failNext("chat.update", 200, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> messenger.show(notice, expired("appr-retry"), refs));

    assertFalse(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("internal_error"), failure.getOriginalMessage());
  }

  @Test
  void aRequestWithoutOptionalPartsLeavesThemOut() {
    ApprovalNotice bare =
        new ApprovalNotice("appr-bare", "run-9", ApprovalRequest.of("Restore db-1", "Restore last night's backup", null, "dba"), DEADLINE, null);

    messenger.ask(bare, CHANNEL, List.of());

    JsonNode blocks = stub.last("chat.postMessage").json("blocks");
    assertEquals("*What will happen:* Restore last night's backup", blocks.get(1).get("text").get("text").asText());
    assertTrue(blocks.get(2).get("text").get("text").asText().startsWith("*Approvals needed:* 1 from dba\n"));
    assertTrue(blocks.get(2).get("text").get("text").asText().endsWith("*Requested by:* Remedia, for run run-9"));
    assertEquals("input", blocks.get(3).get("type").asText(), "no links, no context block");
    assertNull(blocks.get(4).get("elements").get(0).get("confirm"));
  }

  private List<StubSlackApi.Received> updates() {
    return stub.received().stream().filter(r -> r.path().equals("/api/chat.update")).toList();
  }

  private static void assertButton(JsonNode button, String label, String actionId, String value, String style) {
    assertEquals("button", button.get("type").asText());
    assertEquals(label, button.get("text").get("text").asText());
    assertEquals(actionId, button.get("action_id").asText());
    assertEquals(value, button.get("value").asText());
    assertEquals(style, button.get("style").asText());
  }

  private static ApprovalNotice notice(String approvalId) {
    ApprovalRequest request =
        ApprovalRequest.of(
                "Roll firmware 4.2 to wave 2", "Flash 4.2.0 on 1,200 gateways", "wave 1 is healthy <!channel>", "fleet-leads")
            .withBlastRadius(new BlastRadius(1200, "gateways", List.of("gw-1", "gw-2")))
            .withLinks(List.of("https://wiki.example/ota?wave=2&x=|"))
            .needing(2)
            .requestedBy("dave");
    return new ApprovalNotice(
        approvalId, "run-1", request, DEADLINE, "https://remedia.example/api/approvals/" + approvalId);
  }

  private static ApprovalOutcome expired(String approvalId) {
    return new ApprovalOutcome(approvalId, ApprovalStatus.EXPIRED, List.of(), "nobody decided by the deadline");
  }

  private static Decision decision(String person, Vote vote, String reason, String via) {
    return new Decision(person, vote, reason, via, 0);
  }

  private static Person person(String name, String slackUserId) {
    return new Person(name, slackUserId, null, List.of(), null);
  }
}
