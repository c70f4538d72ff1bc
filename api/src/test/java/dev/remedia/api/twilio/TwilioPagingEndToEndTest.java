package dev.remedia.api.twilio;

import static dev.remedia.activities.paging.twilio.TwilioTestData.ACCOUNT_SID;
import static dev.remedia.api.twilio.TwilioCallbacksApiTest.ALICE;
import static dev.remedia.api.twilio.TwilioCallbacksApiTest.AUTH_TOKEN;
import static dev.remedia.api.twilio.TwilioCallbacksApiTest.FROM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.paging.twilio.StubTwilio;
import dev.remedia.activities.paging.twilio.TwilioCallbacks;
import dev.remedia.activities.paging.twilio.TwilioTestData;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.workflows.paging.EscalationWorkflow;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The whole path with the real Twilio SDK against a stub Twilio: a critical alert in, a text (and,
 * when the text fails, a call) to the on-call person out, and Twilio's signed callbacks back in, posted
 * to the very URLs the pages gave Twilio. Paging stops at the answer and nothing more reaches Twilio,
 * although a second level was due.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class TwilioPagingEndToEndTest extends ApiTestSupport {

  private static final String EVENTS_TOKEN = "ev-token-e2e-8d3b";
  private static final String BOB = "+15558675311";
  private static final String SUMMARY = "Disk full on db-7";
  private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
  private static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  /** Long enough for an answer to arrive first on a busy machine, short enough to wait out. */
  private static final Duration LEVEL_DELAY = Duration.ofSeconds(6);
  /** How long after level 2's due time its text would have reached the stub. */
  private static final Duration LEVEL_TWO_MARGIN = Duration.ofSeconds(2);
  private static final Pattern REPLY_CODE = Pattern.compile("Reply ACK (\\d+) or RESOLVE \\1$");
  private static final Pattern GATHER_ACTION = Pattern.compile("<Gather action=\"([^\"]+)\"");
  private static final String CONFIG =
      """
      webhooks:
        events: { token: %s }
      people:
        - { name: alice, phone: "%s" }
        - { name: bob, phone: "%s" }
      escalation-policies:
        - name: texts
          levels:
            - { notify: [ { person: alice } ], channels: [sms], delay: %4$ds }
            - { notify: [ { person: bob } ], channels: [sms], delay: %4$ds }
        - name: text-then-call
          levels:
            - { notify: [ { person: alice } ], channels: [sms, voice], delay: %4$ds }
            - { notify: [ { person: bob } ], channels: [sms], delay: %4$ds }
      routes:
        - name: texted
          match: { severity: critical, labels: { component: texts } }
          escalation: texts
        - name: texted-then-called
          match: { severity: critical, labels: { component: calls } }
          escalation: text-then-call
      """;

  private final StubTwilio twilio = startTwilio();
  // Twilio signs the URL it calls, so the public URL is this server's, fixed before it starts.
  private final int port = freePort();
  private final String publicUrl = "http://127.0.0.1:" + port;

  @Inject WorkflowClient temporal;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("remedia.twilio.account-sid", ACCOUNT_SID);
    properties.put("remedia.twilio.auth-token", AUTH_TOKEN);
    properties.put("remedia.twilio.from", FROM);
    properties.put("remedia.twilio.public-url", publicUrl);
    properties.put("remedia.twilio.api-url", twilio.baseUri().toString());
    properties.putAll(operatorConfig(CONFIG.formatted(EVENTS_TOKEN, ALICE, BOB, LEVEL_DELAY.toSeconds())));
    return properties;
  }

  @AfterAll
  void stopTwilio() {
    twilio.close();
  }

  @Test
  void aCriticalAlertTextsTheOnCallPersonAndASignedAckReplyStopsThePaging() {
    int before = twilio.received().size();
    String dedupKey = trigger("texts");

    StubTwilio.Received text = eventually(() -> first(before, MESSAGES));
    Instant levelTwoDue = Instant.now().plus(LEVEL_DELAY);
    assertSentWithTheAccount(text);
    assertEquals(ALICE, text.field("To"), "the page goes to alice's number");
    String code = replyCode(text.field("Body"));
    assertEquals("[Remedia] CRITICAL: " + SUMMARY + " Reply ACK " + code + " or RESOLVE " + code, text.field("Body"));
    assertEquals(publicUrl + TwilioCallbacks.SMS_STATUS, text.field("StatusCallback"));

    HttpResponse<String> reply = postAsTwilio(publicUrl + TwilioCallbacks.SMS, TwilioCallbacksApiTest.sms("ACK " + code));
    assertEquals(200, reply.statusCode(), reply.body());
    assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), reply.headers().toString());
    assertEquals(TWIML + "<Response><Message>Acknowledged by alice. Paging stops.</Message></Response>", reply.body());

    JsonNode incident = acknowledged(dedupKey, "sms");
    List<StubTwilio.Received> sent =
        onceLevelTwoWasDue(
            levelTwoDue, before, List.of("text to " + ALICE, "text to " + ALICE),
            "alice's page and the notice that paging stopped");
    StubTwilio.Received notice = sent.get(1);
    assertEquals("[Remedia] Acknowledged by alice via sms: " + SUMMARY, notice.field("Body"));
    assertNull(notice.field("StatusCallback"), "the notice's delivery is not followed");
    JsonNode pages = incident.get("pages");
    assertEquals(1, pages.size(), pages.toString());
    assertEquals("SMS", pages.get(0).get("channel").asText());
    assertTrue(pages.get(0).get("settleNotified").asBoolean(), pages.toString());
  }

  @Test
  void aFailedTextMovesOnToACallAtOnceAndPressingOneAcknowledges() {
    int before = twilio.received().size();
    String dedupKey = trigger("calls");

    StubTwilio.Received text = eventually(() -> first(before, MESSAGES));
    // Posted at once, so the report may overtake the send's own record of the SID: it must still count.
    Instant levelTwoDue = Instant.now().plus(LEVEL_DELAY);
    assertEquals(ALICE, text.field("To"), "alice is texted first");
    HttpResponse<String> failed =
        postAsTwilio(text.field("StatusCallback"), TwilioCallbacksApiTest.status(text.createdSid(), "undelivered", "30003"));
    assertEquals(200, failed.statusCode(), failed.body());

    StubTwilio.Received call = eventually(() -> first(before, CALLS));
    assertTrue(Instant.now().isBefore(levelTwoDue), "the call should follow the failed text at once, not with level 2");
    assertSentWithTheAccount(call);
    assertEquals(ALICE, call.field("To"), "the call goes to alice's number");
    assertEquals("Enable", call.field("MachineDetection"));
    assertEquals(publicUrl + TwilioCallbacks.VOICE_STATUS, call.field("StatusCallback"));
    assertEquals("completed", call.field("StatusCallbackEvent"));
    String gatherUrl = gatherAction(call.field("Twiml"));
    assertEquals(publicUrl + TwilioCallbacks.VOICE_GATHER + "?page=" + voicePageId(dedupKey), gatherUrl);
    assertEquals(
        TWIML + "<Response><Gather action=\"" + gatherUrl + "\" numDigits=\"1\"><Say loop=\"2\">This is Remedia. "
            + "Critical incident: " + SUMMARY + ". Press 1 to acknowledge, or 2 to resolve.</Say></Gather>"
            + "<Say>No key was pressed. Goodbye.</Say></Response>",
        call.field("Twiml"));

    Map<String, String> keyPress = TwilioCallbacksApiTest.gather("1");
    keyPress.put("CallSid", call.createdSid());
    HttpResponse<String> pressed = postAsTwilio(gatherUrl, keyPress);
    assertEquals(200, pressed.statusCode(), pressed.body());
    assertEquals(TWIML + "<Response><Say>Acknowledged by alice. Paging stops. Goodbye.</Say></Response>", pressed.body());

    JsonNode incident = acknowledged(dedupKey, "voice");
    onceLevelTwoWasDue(
        levelTwoDue, before, List.of("text to " + ALICE, "call to " + ALICE),
        "alice's text and call, and no notice: the text failed, and a call cannot be changed");
    Map<String, String> statusByChannel = new HashMap<>();
    incident.get("pages").forEach(page -> statusByChannel.put(page.get("channel").asText(), page.get("status").asText()));
    assertEquals(Map.of("SMS", "FAILED", "VOICE", "SENT"), statusByChannel, incident.get("pages").toString());
  }

  private void assertSentWithTheAccount(StubTwilio.Received request) {
    assertEquals("POST", request.method());
    assertEquals(TwilioTestData.basicAuth(ACCOUNT_SID, AUTH_TOKEN), request.authorization(), "Basic auth with the account");
    assertEquals(FROM, request.field("From"), "pages leave from the configured number");
  }

  /** Waits for the incident to be acknowledged by alice over {@code via} and its escalation to end. */
  private JsonNode acknowledged(String dedupKey, String via) {
    String incidentId = incidentId(dedupKey);
    JsonNode incident =
        eventually(
            () -> {
              JsonNode view = json(get("/api/incidents/" + incidentId));
              return view.path("acknowledgedBy").asText().equals("alice") ? view : null;
            });
    assertEquals(via, incident.get("acknowledgedVia").asText(), "acknowledged via");
    eventually(() -> escalationCompleted(incidentId));
    return json(get("/api/incidents/" + incidentId));
  }

  private String incidentId(String dedupKey) {
    return eventually(
        () -> {
          for (JsonNode item : json(get("/api/incidents?source=events")).get("items")) {
            if (dedupKey.equals(item.get("dedupeKey").asText())) {
              return item.get("id").asText();
            }
          }
          return null;
        });
  }

  private String voicePageId(String dedupKey) {
    for (JsonNode page : json(get("/api/pages?incident=" + incidentId(dedupKey))).get("items")) {
      if (page.get("channel").asText().equals("VOICE")) {
        return page.get("id").asText();
      }
    }
    throw new AssertionError("no voice page is listed for incident " + dedupKey);
  }

  private Boolean escalationCompleted(String incidentId) {
    WorkflowExecutionStatus status =
        temporal.newUntypedWorkflowStub(EscalationWorkflow.workflowId(incidentId)).describe().getStatus();
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED ? true : null;
  }

  private StubTwilio.Received first(int skip, String path) {
    return since(skip).stream().filter(r -> r.path().equals(path)).findFirst().orElse(null);
  }

  /**
   * Waits until level 2 would have paged bob, then checks that Twilio got only the {@code expected} sends
   * since request {@code before}, and returns those requests.
   */
  private List<StubTwilio.Received> onceLevelTwoWasDue(
      Instant levelTwoDue, int before, List<String> expected, String which) {
    waitUntil(levelTwoDue.plus(LEVEL_TWO_MARGIN));
    List<StubTwilio.Received> sent = since(before);
    assertEquals(expected, sends(sent), "Twilio should get " + which + ", and nothing for bob at level 2: " + sent);
    return sent;
  }

  /** What each request asked Twilio to send, and to whom. */
  private static List<String> sends(List<StubTwilio.Received> requests) {
    return requests.stream()
        .map(r -> (r.path().equals(MESSAGES) ? "text" : r.path().equals(CALLS) ? "call" : r.method() + " " + r.path())
            + " to " + r.field("To"))
        .toList();
  }

  private List<StubTwilio.Received> since(int skip) {
    List<StubTwilio.Received> received = twilio.received();
    return received.subList(skip, received.size());
  }

  /** Posts a callback the way Twilio does: to the URL it was given, signed over that URL and the form. */
  private HttpResponse<String> postAsTwilio(String url, Map<String, String> form) {
    return send(
        TwilioCallbacksApiTest.callback(URI.create(url), form, TwilioCallbacksApiTest.signature(AUTH_TOKEN, url, form)));
  }

  /** Triggers a critical event for {@code component}, which picks the route, and returns its dedup key. */
  private String trigger(String component) {
    String dedupKey = component + "-" + UUID.randomUUID();
    String body =
        """
        {"routing_key": "R0", "event_action": "trigger", "dedup_key": "%s",
         "payload": {"summary": "%s", "source": "db-7", "severity": "critical", "component": "%s"}}
        """
            .formatted(dedupKey, SUMMARY, component);
    HttpResponse<String> accepted = postWithToken("events", EVENTS_TOKEN, body);
    assertEquals(202, accepted.statusCode(), accepted.body());
    return dedupKey;
  }

  private static String replyCode(String body) {
    Matcher code = REPLY_CODE.matcher(body);
    assertTrue(code.find(), "no reply code in the text: " + body);
    return code.group(1);
  }

  private static String gatherAction(String twiml) {
    Matcher action = GATHER_ACTION.matcher(twiml);
    assertTrue(action.find(), "no <Gather action> in the call's TwiML: " + twiml);
    return action.group(1).replace("&amp;", "&");
  }

  /** Nothing happening can only be seen by waiting for the moment it would have happened. */
  private static void waitUntil(Instant moment) {
    Duration left = Duration.between(Instant.now(), moment);
    if (left.isNegative()) {
      return;
    }
    try {
      Thread.sleep(left.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static StubTwilio startTwilio() {
    StubTwilio stub;
    try {
      stub = new StubTwilio();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stub.acceptSends();
    return stub;
  }
}
