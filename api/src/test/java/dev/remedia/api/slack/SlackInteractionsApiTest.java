package dev.remedia.api.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageSender;
import dev.remedia.activities.paging.slack.SlackPageSender;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Button clicks through HTTP into the whole application, signed as Slack signs them, with a recording
 * stand-in for the escalation's answers and a stub for Slack's response_url.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SlackInteractionsApiTest extends ApiTestSupport {

  static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String ALICE = "U0ALICE";

  private final ResponseUrlStub responseUrls = new ResponseUrlStub();

  @Inject RecordingPageAnswers answers;
  @Inject AuditLog audit;
  @Inject BeanContext beans;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put(RecordingPageAnswers.ENABLED, "true");
    properties.put("remedia.slack.signing-secret", SIGNING_SECRET);
    properties.put("remedia.slack.bot-token", "xoxb-test-token");
    properties.put("remedia.slack.api-url", "http://127.0.0.1:" + freePort() + "/api/");
    properties.put("remedia.slack.response-url-prefix", responseUrls.baseUrl());
    return properties;
  }

  @AfterAll
  void stopStub() {
    responseUrls.close();
  }

  @Test
  void aSignedAcknowledgeReachesTheEscalationAndSlackHearsOkAtOnce() {
    String pageId = unique("page");
    String body = click(ALICE, "page.acknowledge", pageId, responseUrls.url("ack"));

    long started = System.nanoTime();
    HttpResponse<String> response = postSigned(body, now());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered in " + took);
    assertEquals(
        List.of(new PageAnswer(PageChannel.SLACK, pageId, null, ALICE, SettleAction.ACKNOWLEDGE)),
        answers.answersFor(pageId));
  }

  @Test
  void theResolveButtonResolves() {
    String pageId = unique("page");

    HttpResponse<String> response = postSigned(click("U0BOB", "page.resolve", pageId, responseUrls.url("resolve")), now());

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        List.of(new PageAnswer(PageChannel.SLACK, pageId, null, "U0BOB", SettleAction.RESOLVE)),
        answers.answersFor(pageId));
  }

  @Test
  void someoneNotOnCallIsToldWhyPrivately() throws Exception {
    String pageId = unique("not-allowed");

    HttpResponse<String> response = postSigned(click("U0MALLORY", "page.acknowledge", pageId, responseUrls.url("not-allowed")), now());

    assertEquals(200, response.statusCode(), response.body());
    ResponseUrlStub.Posted reply = responseUrls.awaitPost("not-allowed");
    assertEquals("POST", reply.method());
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    JsonNode json = JSON.readTree(reply.body());
    assertEquals("ephemeral", json.get("response_type").asText());
    assertFalse(json.get("replace_original").asBoolean());
    assertEquals(RecordingPageAnswers.NOT_ALLOWED, json.get("text").asText());
    assertTrue(
        audit.forObject("page", pageId).stream()
            .anyMatch(e -> e.actor().equals("U0MALLORY") && e.action().equals("page.acknowledge")
                && e.outcome().equals("not_allowed") && e.detailJson().contains("\"via\": \"slack\"")),
        "the click is audited with the Slack user and what became of it");
  }

  @Test
  void aClickOnASettledPageSaysWhoSettledIt() throws Exception {
    HttpResponse<String> response =
        postSigned(click(ALICE, "page.resolve", unique("settled"), responseUrls.url("settled")), now());

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(RecordingPageAnswers.ALREADY_SETTLED, JSON.readTree(responseUrls.awaitPost("settled").body()).get("text").asText());
  }

  /**
   * The answer is held until the test releases it, so the 200 can only have come before it finished;
   * its ephemeral reply follows once it does.
   */
  @Test
  void aSlowAnswerDoesNotKeepSlackWaitingAndStillCompletes() throws Exception {
    String pageId = unique("slow");

    HttpResponse<String> response = postSigned(click(ALICE, "page.acknowledge", pageId, responseUrls.url("slow")), now());

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(1, answers.answersFor(pageId).size());
    assertFalse(answers.completedFor(pageId), "Slack was answered while the answer was still running");
    answers.releaseSlowAnswers();
    assertEquals(RecordingPageAnswers.ALREADY_SETTLED, JSON.readTree(responseUrls.awaitPost("slow").body()).get("text").asText());
    assertTrue(answers.completedFor(pageId));
  }

  @Test
  void aForgedSignatureIsRefusedAndAudited() {
    String pageId = unique("page");
    String body = click(ALICE, "page.acknowledge", pageId, responseUrls.url("forged"));
    long timestamp = now();

    HttpResponse<String> response =
        post(body, Map.of(
            "X-Slack-Request-Timestamp", String.valueOf(timestamp),
            "X-Slack-Signature", signature("not-the-signing-secret", timestamp, body)));

    assertRefused(response, pageId, "the X-Slack-Signature signature does not match the request");
  }

  @Test
  void aTamperedBodyIsRefused() {
    String pageId = unique("page");
    String body = click(ALICE, "page.acknowledge", unique("page"), responseUrls.url("tampered"));
    long timestamp = now();
    String signed = signature(SIGNING_SECRET, timestamp, body);

    HttpResponse<String> response =
        post(click(ALICE, "page.acknowledge", pageId, responseUrls.url("tampered")),
            Map.of("X-Slack-Request-Timestamp", String.valueOf(timestamp), "X-Slack-Signature", signed));

    assertRefused(response, pageId, "the X-Slack-Signature signature does not match the request");
  }

  @Test
  void aStaleTimestampIsRefusedEvenWhenCorrectlySigned() {
    String pageId = unique("page");

    HttpResponse<String> response =
        postSigned(click(ALICE, "page.acknowledge", pageId, responseUrls.url("stale")), now() - 301);

    assertRefused(response, pageId, "X-Slack-Request-Timestamp is 301 s away from now; at most 300 s is accepted");
  }

  @Test
  void aTimestampFromTheFutureIsRefused() {
    String pageId = unique("page");

    HttpResponse<String> response =
        postSigned(click(ALICE, "page.acknowledge", pageId, responseUrls.url("future")), now() + 400);

    assertRefused(response, pageId, "X-Slack-Request-Timestamp is 400 s away from now; at most 300 s is accepted");
  }

  @Test
  void aReplayedRequestIsRefused() {
    String pageId = unique("page");
    String body = click(ALICE, "page.acknowledge", pageId, responseUrls.url("replay"));
    long timestamp = now();
    Map<String, String> headers =
        Map.of(
            "X-Slack-Request-Timestamp", String.valueOf(timestamp),
            "X-Slack-Signature", signature(SIGNING_SECRET, timestamp, body));

    assertEquals(200, post(body, headers).statusCode());
    HttpResponse<String> replay = post(body, headers);

    assertEquals(401, replay.statusCode(), replay.body());
    assertEquals("this signed request was already received; a replay is refused", json(replay).get("detail").asText());
    assertEquals(1, answers.answersFor(pageId).size(), "the replay never reached the escalation");
  }

  @Test
  void aRequestWithoutSlacksHeadersIsRefused() {
    String pageId = unique("page");
    String body = click(ALICE, "page.acknowledge", pageId, responseUrls.url("unsigned"));

    assertRefused(
        post(body, Map.of()), pageId,
        "missing X-Slack-Signature or X-Slack-Request-Timestamp header; only Slack's signed requests are taken");
    assertRefused(
        post(body, Map.of("X-Slack-Request-Timestamp", String.valueOf(now()), "X-Slack-Signature", "sha256=abc")), pageId,
        "X-Slack-Signature must be v0= followed by the hex HMAC-SHA256 of the request");
  }

  @Test
  void anUnknownActionIsABadRequest() {
    String pageId = unique("page");

    assertBadRequest(
        postSigned(click(ALICE, "page.snooze", pageId, responseUrls.url("x")), now()),
        "unknown page action 'page.snooze'; the page buttons are page.acknowledge and page.resolve");
    assertBadRequest(
        postSigned(click(ALICE, "deploy.start", pageId, responseUrls.url("x")), now()),
        "unknown action_id 'deploy.start'; Remedia handles [approval.*, page.*]");
    assertTrue(answers.answersFor(pageId).isEmpty());
  }

  @Test
  void malformedPayloadsAreBadRequests() {
    assertBadRequest(postSigned("token=abc&team=T1", now()), "the form has no payload field; Slack sends interactions as payload=<JSON>");
    assertBadRequest(postSigned("payload=" + encode("{not json"), now()), null);
    assertBadRequest(postSigned("payload=" + encode("[1,2]"), now()), "the payload field must be a JSON object");
    assertBadRequest(postSigned("payload=%zz", now()), "the payload field is not URL-encoded");

    ObjectNode viewSubmission = payload(ALICE, "page.acknowledge", unique("page"), responseUrls.url("x"));
    viewSubmission.put("type", "view_submission");
    assertBadRequest(
        postSigned("payload=" + encode(viewSubmission.toString()), now()),
        "Remedia takes Slack block_actions interactions only, not 'view_submission'");

    ObjectNode noValue = payload(ALICE, "page.acknowledge", unique("page"), responseUrls.url("x"));
    ((ObjectNode) noValue.get("actions").get(0)).remove("value");
    assertBadRequest(
        postSigned("payload=" + encode(noValue.toString()), now()),
        "the page.acknowledge button carries no page id in its value");
  }

  @Test
  void aResponseUrlOutsideSlackIsRefusedSoRemediaNeverPostsThere() {
    String pageId = unique("not-allowed");

    assertBadRequest(
        postSigned(click(ALICE, "page.acknowledge", pageId, "https://attacker.example/collect"), now()),
        "response_url must start with " + responseUrls.baseUrl());
    assertTrue(answers.answersFor(pageId).isEmpty());
  }

  @Test
  void aBotTokenMakesSlackAPageSender() {
    assertTrue(
        beans.getBeansOfType(PageSender.class).stream().anyMatch(SlackPageSender.class::isInstance),
        "a SlackPageSender bean exists");
  }

  private void assertRefused(HttpResponse<String> response, String pageId, String reason) {
    assertEquals(401, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals(reason, json(response).get("detail").asText());
    assertTrue(answers.answersFor(pageId).isEmpty(), "a refused click never reaches the escalation");
    assertTrue(
        audit.forObject("slack", "interactions").stream()
            .anyMatch(entry -> entry.action().equals("slack.refused") && entry.detailJson().contains(reason)),
        "the refusal is audited");
    audit.forObject("slack", "interactions")
        .forEach(entry -> assertFalse(entry.detailJson().contains(SIGNING_SECRET), "no secret in the audit log"));
  }

  private void assertBadRequest(HttpResponse<String> response, String detail) {
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    if (detail != null) {
      assertEquals(detail, json(response).get("detail").asText());
    } else {
      assertTrue(json(response).get("detail").asText().startsWith("the payload field is not JSON"), response.body());
    }
  }

  private HttpResponse<String> postSigned(String body, long timestamp) {
    return post(body, signedHeaders(SIGNING_SECRET, timestamp, body));
  }

  private HttpResponse<String> post(String body, Map<String, String> headers) {
    return send(interaction(baseUri(), body, headers));
  }

  /** Slack's headers for {@code body}, signed with {@code secret} at {@code timestamp}. */
  static Map<String, String> signedHeaders(String secret, long timestamp, String body) {
    return Map.of(
        "X-Slack-Request-Timestamp", String.valueOf(timestamp),
        "X-Slack-Signature", signature(secret, timestamp, body));
  }

  /** A POST of {@code body} to the application's {@code /slack/interactions} with these headers. */
  static HttpRequest.Builder interaction(URI base, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/slack/interactions"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return request;
  }

  /** The form Slack posts when someone clicks a button. */
  static String click(String userId, String actionId, String pageId, String responseUrl) {
    return "payload=" + encode(payload(userId, actionId, pageId, responseUrl).toString());
  }

  /** The parts of Slack's block_actions payload that matter, with some of the rest for realism. */
  static ObjectNode payload(String userId, String actionId, String pageId, String responseUrl) {
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
    payload.putObject("user").put("id", userId).put("username", "alice").put("team_id", "T0REMEDIA");
    payload.putObject("team").put("id", "T0REMEDIA").put("domain", "remedia");
    payload.putObject("container").put("type", "message").put("message_ts", "1712345678.000100");
    payload.put("trigger_id", "1234.5678.abcdef");
    payload.put("response_url", responseUrl);
    payload.putArray("actions")
        .addObject()
        .put("type", "button")
        .put("action_id", actionId)
        .put("block_id", "b1")
        .put("value", pageId)
        .put("action_ts", "1712345680.000200")
        .putObject("text").put("type", "plain_text").put("text", "Acknowledge");
    return payload;
  }

  static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
