package dev.remedia.api.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageSender;
import dev.remedia.activities.paging.twilio.TwilioTestData;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageDelivery;
import dev.remedia.workflows.paging.SettleAction;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Twilio's callbacks over HTTP, signed the way Twilio signs them (HMAC-SHA1 of the public URL and the
 * sorted form, keyed with the auth token), forged, unsigned and replayed. Its forms and signing serve
 * {@link TwilioPagingEndToEndTest} too.
 */
@MicronautTest
@Property(name = "test.twilio-fake-answers", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class TwilioCallbacksApiTest extends ApiTestSupport {

  static final String AUTH_TOKEN = "twilio-token-c41d7e";
  static final String PUBLIC_URL = "https://remedia.example.com";
  static final String FROM = "+15005550006";
  static final String ALICE = "+15558675310";

  @Inject RecordingPageAnswers recorded;
  @Inject AuditLog audit;
  @Inject List<PageSender> senders;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("remedia.twilio.account-sid", TwilioTestData.ACCOUNT_SID);
    properties.put("remedia.twilio.auth-token", AUTH_TOKEN);
    properties.put("remedia.twilio.from", FROM);
    properties.put("remedia.twilio.public-url", PUBLIC_URL + "/");
    return properties;
  }

  @BeforeEach
  void forget() {
    recorded.clear();
  }

  @Test
  void theSmsAndVoiceSendersExistOnceTwilioIsConfigured() {
    assertEquals(
        List.of(PageChannel.SMS, PageChannel.VOICE),
        senders.stream().map(PageSender::channel).sorted().toList());
  }

  @Test
  void aSignedReplyIsHandedOverWithItsCodeAndPhoneAndAnsweredInTwiml() {
    HttpResponse<String> response = signed("/twilio/sms", sms(" ack   4821 "));

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + RecordingPageAnswers.ACCEPTED
            + "</Message></Response>",
        response.body());
    assertEquals(
        List.of(new PageAnswer(PageChannel.SMS, null, "4821", ALICE, SettleAction.ACKNOWLEDGE)), recorded.answers);
    assertTrue(
        audit.forObject("page", "reply-code:4821").stream()
            .anyMatch(e -> e.actor().equals(ALICE) && e.action().equals("page.acknowledge")
                && e.outcome().equals("accepted") && e.detailJson().contains("\"via\": \"sms\"")),
        "the reply is audited with the phone number as who answered");
  }

  @Test
  void aResolveReplyResolves() {
    assertEquals(200, signed("/twilio/sms", sms("Resolve 4821")).statusCode());

    assertEquals(
        List.of(new PageAnswer(PageChannel.SMS, null, "4821", ALICE, SettleAction.RESOLVE)), recorded.answers);
  }

  @Test
  void aForgedSignatureIsRefusedAuditedAndNothingIsHandedOver() {
    Map<String, String> form = sms("ACK 4821");
    HttpResponse<String> response =
        post("/twilio/sms", form, signature("not-the-token", PUBLIC_URL + "/twilio/sms", form));

    assertRefused(response, "the X-Twilio-Signature signature does not match https://remedia.example.com/twilio/sms");
    assertTrue(recorded.answers.isEmpty());
    AuditEntry entry = lastAudit("/twilio/sms");
    assertEquals("twilio.refused", entry.action());
    assertEquals("refused", entry.outcome());
    assertTrue(entry.detailJson().contains("does not match"), entry.detailJson());
  }

  @Test
  void aMissingSignatureIsRefused() {
    HttpResponse<String> response = post("/twilio/sms", sms("ACK 4821"), null);

    assertRefused(response, "missing X-Twilio-Signature header");
    assertTrue(recorded.answers.isEmpty());
    assertTrue(lastAudit("/twilio/sms").detailJson().contains("missing X-Twilio-Signature header"));
  }

  @Test
  void aSignatureOverAnotherUrlIsRefused() {
    Map<String, String> form = sms("ACK 4821");
    String serverUrl = baseUri().resolve("/twilio/sms").toString();

    assertRefused(post("/twilio/sms", form, signature(AUTH_TOKEN, serverUrl, form)), "does not match");
    assertTrue(recorded.answers.isEmpty());
  }

  @Test
  void aTamperedFormIsRefused() {
    Map<String, String> form = sms("ACK 4821");
    String signature = signature(AUTH_TOKEN, PUBLIC_URL + "/twilio/sms", form);
    form.put("Body", "RESOLVE 4821");

    assertRefused(post("/twilio/sms", form, signature), "does not match");
    assertTrue(recorded.answers.isEmpty());
  }

  @Test
  void aReplayedReplyIsAnsweredWithoutBeingHandedOverAgain() {
    Map<String, String> form = sms("ACK 4821");
    assertEquals(200, signed("/twilio/sms", form).statusCode());

    HttpResponse<String> replay = signed("/twilio/sms", form);

    assertEquals(200, replay.statusCode());
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", replay.body());
    assertEquals(1, recorded.answers.size());
  }

  @Test
  void stopOptsTheNumberOutAndStartBackIn() {
    HttpResponse<String> stop = signed("/twilio/sms", sms("stop"));
    HttpResponse<String> start = signed("/twilio/sms", sms(" START "));

    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", stop.body());
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", start.body());
    assertEquals(
        List.of(new RecordingPageAnswers.OptOut(ALICE, true), new RecordingPageAnswers.OptOut(ALICE, false)),
        recorded.optOuts);
    assertTrue(recorded.answers.isEmpty());
    List<String> audited = audit.forObject("phone", ALICE).stream().map(e -> e.actor() + " " + e.action()).toList();
    assertTrue(
        audited.containsAll(List.of(ALICE + " sms.opt-out", ALICE + " sms.opt-in")), audited.toString());
  }

  @Test
  void anythingElseGetsTheHelpText() {
    HttpResponse<String> response = signed("/twilio/sms", sms("who is this?"));

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("<Message>" + SmsReplies.HELP + "</Message>"), response.body());
    assertTrue(recorded.answers.isEmpty());
  }

  @Test
  void aMalformedFormIsABadRequest() {
    String body = "From=%2B1555&Body=%ZZ";
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(baseUri().resolve("/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "c2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertEquals(400, response.statusCode());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("the form has a malformed %-escape", json(response).get("detail").asText());
  }

  @Test
  void aFailedTextIsReportedWithTwiliosErrorCode() {
    signed("/twilio/status", status("SM-failed", "undelivered", "30003"));
    signed("/twilio/status", status("SM-stopped", "failed", "21610"));
    signed("/twilio/status", status("SM-delivered", "delivered", null));
    signed("/twilio/status", status("SM-sent", "sent", null));

    assertEquals(
        List.of(
            new RecordingPageAnswers.Delivery("SM-failed", PageDelivery.FAILED, "Twilio reports the text undelivered (error 30003)"),
            new RecordingPageAnswers.Delivery(
                "SM-stopped", PageDelivery.OPTED_OUT, "the number opted out with STOP (Twilio error 21610)"),
            new RecordingPageAnswers.Delivery("SM-delivered", PageDelivery.DELIVERED, null)),
        recorded.deliveries);
  }

  @Test
  void aReplayedStatusIsReportedOnce() {
    Map<String, String> form = status("SM-twice", "failed", "30005");

    assertEquals(200, signed("/twilio/status", form).statusCode());
    assertEquals(200, signed("/twilio/status", form).statusCode());

    assertEquals(1, recorded.deliveries.size());
  }

  @Test
  void pressingOneAcknowledgesThePageForTheCalledPerson() {
    String path = "/twilio/voice/gather?page=page-7";
    HttpResponse<String> response = signed(path, gather("1"));

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>" + RecordingPageAnswers.ACCEPTED
            + " Goodbye.</Say></Response>",
        response.body());
    assertEquals(
        List.of(new PageAnswer(PageChannel.VOICE, "page-7", null, ALICE, SettleAction.ACKNOWLEDGE)), recorded.answers);
    assertTrue(
        audit.forObject("page", "page-7").stream()
            .anyMatch(e -> e.actor().equals(ALICE) && e.action().equals("page.acknowledge")
                && e.detailJson().contains("\"via\": \"voice\"")),
        "the key press is audited");
  }

  @Test
  void pressingTwoResolves() {
    signed("/twilio/voice/gather?page=page-8", gather("2"));

    assertEquals(
        List.of(new PageAnswer(PageChannel.VOICE, "page-8", null, ALICE, SettleAction.RESOLVE)), recorded.answers);
  }

  @Test
  void anotherKeyGetsOneMoreChanceThenGoodbye() {
    Map<String, String> form = gather("9");
    HttpResponse<String> first = signed("/twilio/voice/gather?page=page-9", form);

    assertTrue(
        first.body().contains("<Gather action=\"https://remedia.example.com/twilio/voice/gather?page=page-9&amp;attempt=retry\""),
        first.body());

    HttpResponse<String> second = signed("/twilio/voice/gather?page=page-9&attempt=retry", form);

    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Goodbye.</Say></Response>", second.body());
    assertTrue(recorded.answers.isEmpty());
  }

  @Test
  void aGatherSignedWithoutItsQueryIsRefused() {
    Map<String, String> form = gather("1");
    String signature = signature(AUTH_TOKEN, PUBLIC_URL + "/twilio/voice/gather", form);

    assertRefused(post("/twilio/voice/gather?page=page-7", form, signature), "does not match");
    assertTrue(recorded.answers.isEmpty());
  }

  @Test
  void unansweredBusyAndVoicemailCallsCountAsNoAnswerAndAHumanAsNothing() {
    signed("/twilio/voice/status", call("CA-none", "no-answer", null));
    signed("/twilio/voice/status", call("CA-busy", "busy", null));
    signed("/twilio/voice/status", call("CA-failed", "failed", null));
    signed("/twilio/voice/status", call("CA-voicemail", "completed", "machine_start"));
    signed("/twilio/voice/status", call("CA-human", "completed", "human"));

    assertEquals(
        List.of(
            new RecordingPageAnswers.Delivery("CA-none", PageDelivery.NO_ANSWER, "the call got no-answer"),
            new RecordingPageAnswers.Delivery("CA-busy", PageDelivery.NO_ANSWER, "the call got busy"),
            new RecordingPageAnswers.Delivery("CA-failed", PageDelivery.FAILED, "the call failed"),
            new RecordingPageAnswers.Delivery(
                "CA-voicemail", PageDelivery.NO_ANSWER, "a machine answered the call (machine_start)")),
        recorded.deliveries);
  }

  static Map<String, String> sms(String body) {
    Map<String, String> form = twilioForm();
    form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
    form.put("SmsSid", form.get("MessageSid"));
    form.put("From", ALICE);
    form.put("To", FROM);
    form.put("Body", body);
    form.put("NumMedia", "0");
    return form;
  }

  static Map<String, String> status(String sid, String status, String errorCode) {
    Map<String, String> form = twilioForm();
    form.put("MessageSid", sid);
    form.put("MessageStatus", status);
    form.put("SmsStatus", status);
    form.put("From", FROM);
    form.put("To", ALICE);
    if (errorCode != null) {
      form.put("ErrorCode", errorCode);
    }
    return form;
  }

  static Map<String, String> gather(String digits) {
    Map<String, String> form = twilioForm();
    form.put("CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
    form.put("CallStatus", "in-progress");
    form.put("Direction", "outbound-api");
    form.put("From", FROM);
    form.put("Caller", FROM);
    form.put("To", ALICE);
    form.put("Called", ALICE);
    form.put("Digits", digits);
    return form;
  }

  private static Map<String, String> call(String sid, String status, String answeredBy) {
    Map<String, String> form = twilioForm();
    form.put("CallSid", sid);
    form.put("CallStatus", status);
    form.put("Direction", "outbound-api");
    form.put("From", FROM);
    form.put("To", ALICE);
    if (answeredBy != null) {
      form.put("AnsweredBy", answeredBy);
    }
    return form;
  }

  private static Map<String, String> twilioForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", TwilioTestData.ACCOUNT_SID);
    form.put("ApiVersion", "2010-04-01");
    return form;
  }

  private HttpResponse<String> signed(String pathAndQuery, Map<String, String> form) {
    return post(pathAndQuery, form, signature(AUTH_TOKEN, PUBLIC_URL + pathAndQuery, form));
  }

  private HttpResponse<String> post(String pathAndQuery, Map<String, String> form, String signature) {
    return send(callback(baseUri().resolve(pathAndQuery), form, signature));
  }

  /** A callback as Twilio posts it to {@code url}: the form, and the signature unless it is null. */
  static HttpRequest.Builder callback(URI url, Map<String, String> form, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return request;
  }

  /** Twilio's algorithm: HMAC-SHA1 of the URL followed by each parameter's name and value, sorted by name. */
  static String signature(String authToken, String url, Map<String, String> form) {
    String signed =
        url + new TreeMap<>(form).entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining());
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static void assertRefused(HttpResponse<String> response, String detail) {
    assertEquals(401, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(json(response).get("detail").asText().contains(detail), response.body());
    assertTrue(!response.body().contains(AUTH_TOKEN));
  }

  private AuditEntry lastAudit(String path) {
    List<AuditEntry> entries = audit.forObject("twilio-callback", path);
    assertTrue(!entries.isEmpty(), "no audit entry for " + path);
    return entries.get(entries.size() - 1);
  }
}
