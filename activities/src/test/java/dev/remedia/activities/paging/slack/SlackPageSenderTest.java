package dev.remedia.activities.paging.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import dev.remedia.activities.paging.ChannelException;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.SentMessage;
import dev.remedia.activities.slack.SlackClients;
import dev.remedia.activities.slack.StubSlackApi;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Slack adapter through the real SDK against a local stand-in for Slack's Web API, which checks the
 * token and keeps what was posted, so each test sees the requests Slack would receive.
 */
@Timeout(60)
class SlackPageSenderTest {

  private static final String CHANNEL = "C0ONCALL";
  private static final String ALICE = "U0ALICE";
  private static final Instant AT_14_02 = Instant.parse("2025-03-04T14:02:31Z");

  private StubSlackApi stub;
  private Slack slack;
  private SlackPageSender sender;

  @BeforeEach
  void startStub() throws Exception {
    stub = new StubSlackApi();
    slack = SlackClients.create(stub.apiUrl());
    sender = new SlackPageSender(slack.methods(StubSlackApi.TOKEN));
  }

  @AfterEach
  void stopStub() throws Exception {
    slack.close();
    stub.close();
  }

  @Test
  void aPageIsAMessageWithTheSummaryTheLinkAndBothButtons() throws Exception {
    SentMessage sent = sender.send(page("page-7f3a", CHANNEL, "Disk full on db-1"));

    StubSlackApi.Received post = stub.last("chat.postMessage");
    assertEquals("POST", post.httpMethod());
    assertEquals("Bearer " + StubSlackApi.TOKEN, post.authorization());
    assertTrue(post.contentType().startsWith("application/x-www-form-urlencoded"), post.contentType());
    assertEquals(CHANNEL, post.form().get("channel"));
    assertEquals("CRITICAL: Disk full on db-1 https://remedia.example/incidents/inc-1", post.form().get("text"));

    JsonNode blocks = post.json("blocks");
    assertEquals("header", blocks.get(0).get("type").asText());
    assertEquals("CRITICAL incident", blocks.get(0).get("text").get("text").asText());
    assertEquals(
        "Disk full on db-1\n<https://remedia.example/incidents/inc-1|Open the incident in Remedia>",
        blocks.get(1).get("text").get("text").asText());
    JsonNode buttons = blocks.get(2).get("elements");
    assertEquals("actions", blocks.get(2).get("type").asText());
    assertButton(buttons.get(0), "Acknowledge", "page.acknowledge", "page-7f3a");
    assertEquals("primary", buttons.get(0).get("style").asText());
    assertButton(buttons.get(1), "Resolve", "page.resolve", "page-7f3a");

    JsonNode metadata = post.json("metadata");
    assertEquals("remedia_page", metadata.get("event_type").asText());
    assertEquals("page-7f3a", metadata.get("event_payload").get("page_id").asText());

    assertEquals(CHANNEL + ":" + stub.lastTs(CHANNEL), sent.providerRef());
  }

  @Test
  void aPageToAPersonIsReferencedByTheirDirectMessageConversation() throws Exception {
    SentMessage sent = sender.send(page("page-dm", ALICE, "Disk full on db-1"));

    assertEquals(ALICE, stub.last("chat.postMessage").form().get("channel"));
    assertTrue(sent.providerRef().startsWith("D0ALICE:"), sent.providerRef());
    assertEquals(ALICE, sender.paceKey(page("page-dm", ALICE, "x")));
    assertEquals(PageChannel.SLACK, sender.channel());
  }

  @Test
  void aSummaryCannotMentionEveryoneOrBreakTheLink() throws Exception {
    sender.send(page("page-esc", CHANNEL, "<!channel> disk & <b>full</b>"));

    StubSlackApi.Received post = stub.last("chat.postMessage");
    String section = post.json("blocks").get(1).get("text").get("text").asText();
    assertTrue(section.startsWith("&lt;!channel&gt; disk &amp; &lt;b&gt;full&lt;/b&gt;\n"), section);
    assertFalse(post.form().get("text").contains("<!channel>"), post.form().get("text"));
  }

  @Test
  void aRateLimitCarriesSlacksRetryAfter() {
    stub.failNext("chat.postMessage", 429, Map.of("Retry-After", "7"), "{\"ok\":false,\"error\":\"ratelimited\"}");

    ChannelException failure = assertThrows(ChannelException.class, () -> sender.send(page("p", CHANNEL, "x")));

    assertEquals(ChannelException.Kind.RATE_LIMITED, failure.kind());
    assertEquals(Duration.ofSeconds(7), failure.retryAfter());
  }

  @Test
  void anUnknownChannelIsPermanent() {
    stub.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}");

    ChannelException failure = assertThrows(ChannelException.class, () -> sender.send(page("p", "C0GONE", "x")));

    assertEquals(ChannelException.Kind.PERMANENT, failure.kind());
    assertEquals("Slack refused chat.postMessage (HTTP 200, channel_not_found)", failure.getMessage());
  }

  @Test
  void aMissingScopeIsPermanentAndNamesTheScope() {
    stub.failNext(
        "chat.postMessage", 200, Map.of(),
        "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\",\"provided\":\"users:read\"}");

    ChannelException failure = assertThrows(ChannelException.class, () -> sender.send(page("p", CHANNEL, "x")));

    assertEquals(ChannelException.Kind.PERMANENT, failure.kind());
    assertTrue(failure.getMessage().endsWith("the app needs the scope chat:write"), failure.getMessage());
  }

  @Test
  void aWrongTokenIsPermanentAndNeverShown() {
    SlackPageSender wrongToken = new SlackPageSender(slack.methods("xoxb-wrong-secret"));

    ChannelException failure = assertThrows(ChannelException.class, () -> wrongToken.send(page("p", CHANNEL, "x")));

    assertEquals(ChannelException.Kind.PERMANENT, failure.kind());
    assertEquals("Slack refused chat.postMessage (HTTP 200, invalid_auth)", failure.getMessage());
  }

  @Test
  void serverErrorsAndSlacksOwnFailuresAreTransient() {
    stub.failNext("chat.postMessage", 503, Map.of(), "<html>Service Unavailable</html>");
    stub.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");

    ChannelException unavailable = assertThrows(ChannelException.class, () -> sender.send(page("p", CHANNEL, "x")));
    ChannelException internal = assertThrows(ChannelException.class, () -> sender.send(page("p", CHANNEL, "x")));

    assertEquals(ChannelException.Kind.TRANSIENT, unavailable.kind());
    assertEquals("Slack refused chat.postMessage (HTTP 503)", unavailable.getMessage());
    assertEquals(ChannelException.Kind.TRANSIENT, internal.kind());
  }

  @Test
  void anUnreachableSlackIsTransient() throws Exception {
    stub.close();

    ChannelException failure = assertThrows(ChannelException.class, () -> sender.send(page("p", CHANNEL, "x")));

    assertEquals(ChannelException.Kind.TRANSIENT, failure.kind());
    assertTrue(failure.getMessage().startsWith("Slack chat.postMessage failed: "), failure.getMessage());
  }

  @Test
  void aPageSentBeforeACrashIsFoundByItsMetadata() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    stub.seed(CHANNEL, "{\"event_type\":\"remedia_page\",\"event_payload\":{\"page_id\":\"someone-else\"}}");
    SentMessage sent = sender.send(page("page-crash", CHANNEL, "Disk full"));
    stub.seed(CHANNEL, null);

    SlackPageSender afterRestart = new SlackPageSender(slack.methods(StubSlackApi.TOKEN));
    Optional<SentMessage> found = afterRestart.findSent(page("page-crash", CHANNEL, "Disk full"), before);

    assertEquals(Optional.of(sent), found);
    StubSlackApi.Received history = stub.last("conversations.history");
    assertEquals("POST", history.httpMethod());
    assertEquals("Bearer " + StubSlackApi.TOKEN, history.authorization());
    assertEquals(CHANNEL, history.form().get("channel"));
    assertEquals("1", history.form().get("include_all_metadata"));
    assertEquals(before.getEpochSecond() + "." + String.format("%06d", before.getNano() / 1000), history.form().get("oldest"));
  }

  @Test
  void aPageNeverSentIsNotFound() throws Exception {
    stub.seed(CHANNEL, "{\"event_type\":\"remedia_page\",\"event_payload\":{\"page_id\":\"page-other\"}}");

    assertEquals(Optional.empty(), sender.findSent(page("page-absent", CHANNEL, "x"), Instant.now().minusSeconds(5)));
  }

  @Test
  void aPageOlderThanTheWindowIsNotFound() throws Exception {
    sender.send(page("page-old", CHANNEL, "x"));

    assertEquals(Optional.empty(), sender.findSent(page("page-old", CHANNEL, "x"), Instant.now().plusSeconds(5)));
  }

  @Test
  void findingAPageReadsEveryPageOfHistory() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    SentMessage sent = sender.send(page("page-deep", CHANNEL, "x"));
    IntStream.range(0, 450).forEach(i -> stub.seed(CHANNEL, null));

    assertEquals(Optional.of(sent), sender.findSent(page("page-deep", CHANNEL, "x"), before));
    assertEquals(3, stub.received().stream().filter(r -> r.path().equals("/api/conversations.history")).count());
  }

  @Test
  void aPageToAPersonIsLookedForInTheirDirectMessages() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    SentMessage sent = sender.send(page("page-dm-crash", ALICE, "x"));

    assertEquals(Optional.of(sent), sender.findSent(page("page-dm-crash", ALICE, "x"), before));
    assertEquals(ALICE, stub.last("conversations.open").form().get("users"));
    assertEquals("D0ALICE", stub.last("conversations.history").form().get("channel"));
  }

  @Test
  void settlingUpdatesTheMessageWithoutButtons() throws Exception {
    OutgoingPage page = page("page-settle", CHANNEL, "Disk full on db-1");
    SentMessage sent = sender.send(page);

    sender.settle(page, sent, new Settlement(SettleAction.ACKNOWLEDGE, "Alice", "sms", AT_14_02.toEpochMilli(), true));

    StubSlackApi.Received update = stub.last("chat.update");
    assertEquals("Bearer " + StubSlackApi.TOKEN, update.authorization());
    assertEquals(sent.providerRef(), update.form().get("channel") + ":" + update.form().get("ts"));
    JsonNode blocks = update.json("blocks");
    blocks.forEach(block -> assertFalse(block.get("type").asText().equals("actions"), "no buttons left: " + blocks));
    assertEquals("context", blocks.get(blocks.size() - 1).get("type").asText());
    assertEquals(
        "Acknowledged by Alice via sms at 14:02 UTC", blocks.get(blocks.size() - 1).get("elements").get(0).get("text").asText());
    assertEquals(
        "CRITICAL: Disk full on db-1 — Acknowledged by Alice via sms at 14:02 UTC", update.form().get("text"));
  }

  @Test
  void aMonitorsResolutionNamesTheMonitorOnce() throws Exception {
    OutgoingPage page = page("page-resolved", CHANNEL, "x");
    SentMessage sent = sender.send(page);

    sender.settle(
        page, sent, new Settlement(SettleAction.RESOLVE, "alertmanager", "alertmanager", AT_14_02.toEpochMilli(), false));

    JsonNode blocks = stub.last("chat.update").json("blocks");
    assertEquals(
        "Resolved by alertmanager at 14:02 UTC", blocks.get(blocks.size() - 1).get("elements").get(0).get("text").asText());
  }

  @Test
  void aRollupListsTenIncidentsWithTheirOwnButtonsAndCountsTheRest() throws Exception {
    List<OutgoingPage> pages = new ArrayList<>();
    IntStream.rangeClosed(1, 12).forEach(i -> pages.add(page("page-" + i, CHANNEL, "Host " + i + " down")));

    SentMessage sent = sender.sendRollup(CHANNEL, pages);

    StubSlackApi.Received post = stub.last("chat.postMessage");
    assertEquals(CHANNEL, post.form().get("channel"));
    assertTrue(post.form().get("text").startsWith("12 more incidents: Host 1 down; Host 2 down;"), post.form().get("text"));
    JsonNode blocks = post.json("blocks");
    assertTrue(blocks.size() <= 50);
    assertEquals("12 more incidents", blocks.get(0).get("text").get("text").asText());
    for (int i = 1; i <= 10; i++) {
      JsonNode row = blocks.get(i);
      assertEquals("section", row.get("type").asText());
      assertTrue(row.get("text").get("text").asText().contains("Host " + i + " down"));
      assertButton(row.get("accessory"), "Acknowledge", "page.acknowledge", "page-" + i);
    }
    assertEquals("and 2 more in Remedia", blocks.get(11).get("elements").get(0).get("text").asText());
    assertEquals(12, blocks.size());
    JsonNode metadata = post.json("metadata");
    assertEquals("remedia_rollup", metadata.get("event_type").asText());
    JsonNode listed = metadata.get("event_payload").get("pages");
    assertEquals(12, listed.size());
    assertEquals("page-12", listed.get(11).get("page_id").asText());
    assertTrue(sent.providerRef().startsWith(CHANNEL + ":"));
  }

  @Test
  void aPageInARollupIsFoundAndSettledInTheRollupsThread() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    List<OutgoingPage> pages = List.of(page("page-r1", CHANNEL, "A down"), page("page-r2", CHANNEL, "B down"));
    SentMessage rollup = sender.sendRollup(CHANNEL, pages);

    assertEquals(Optional.of(rollup), sender.findSent(pages.get(1), before));

    sender.settle(pages.get(1), rollup, new Settlement(SettleAction.ACKNOWLEDGE, "Bob", "slack", AT_14_02.toEpochMilli(), true));

    StubSlackApi.Received reply = stub.last("chat.postMessage");
    assertEquals(CHANNEL, reply.form().get("channel"));
    assertEquals(rollup.providerRef(), CHANNEL + ":" + reply.form().get("thread_ts") + ":rollup");
    assertEquals("CRITICAL: B down — Acknowledged by Bob via slack at 14:02 UTC", reply.form().get("text"));
    assertTrue(stub.received().stream().noneMatch(r -> r.path().equals("/api/chat.update")), "the rollup keeps its rows");
  }

  private static void assertButton(JsonNode button, String label, String actionId, String value) {
    assertEquals("button", button.get("type").asText());
    assertEquals(label, button.get("text").get("text").asText());
    assertEquals(actionId, button.get("action_id").asText());
    assertEquals(value, button.get("value").asText());
  }

  private static OutgoingPage page(String pageId, String address, String summary) {
    return new OutgoingPage(
        pageId, PageChannel.SLACK, address, null, "inc-1", summary, "critical",
        "https://remedia.example/incidents/inc-1", "4821");
  }
}
