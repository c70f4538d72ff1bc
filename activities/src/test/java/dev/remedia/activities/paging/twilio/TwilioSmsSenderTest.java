package dev.remedia.activities.paging.twilio;

import static dev.remedia.activities.paging.twilio.TwilioTestData.ACCOUNT_SID;
import static dev.remedia.activities.paging.twilio.TwilioTestData.ALICE;
import static dev.remedia.activities.paging.twilio.TwilioTestData.AUTH_TOKEN;
import static dev.remedia.activities.paging.twilio.TwilioTestData.CREATED;
import static dev.remedia.activities.paging.twilio.TwilioTestData.FROM;
import static dev.remedia.activities.paging.twilio.TwilioTestData.PUBLIC_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.ChannelException;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.SentMessage;
import dev.remedia.activities.paging.SettleNotice;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SMS adapter with the real Twilio SDK against a stub of Twilio's API that checks each request. */
@Timeout(30)
class TwilioSmsSenderTest {

  private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  private static final OutgoingPage PAGE =
      TwilioTestData.page(PageChannel.SMS, "page-1", "Disk full on db-1", "4821");

  private StubTwilio twilio;
  private TwilioSmsSender sender;

  @BeforeEach
  void start() throws Exception {
    twilio = new StubTwilio();
    sender = new TwilioSmsSender(TwilioClients.create(ACCOUNT_SID, AUTH_TOKEN, twilio.baseUri()), FROM, PUBLIC_URL + "/");
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void aPageIsOneShortTextWithTheReplyCodeAndAStatusCallback() throws Exception {
    twilio.answer(201, StubTwilio.message("SM0001", ALICE, FROM, "ignored", "queued", CREATED));

    SentMessage sent = sender.send(PAGE);

    assertEquals(new SentMessage("SM0001"), sent);
    StubTwilio.Received request = twilio.only();
    assertEquals("POST", request.method());
    assertEquals(MESSAGES, request.path());
    assertEquals(TwilioTestData.basicAuth(ACCOUNT_SID, AUTH_TOKEN), request.authorization());
    assertEquals(ALICE, request.field("To"));
    assertEquals(FROM, request.field("From"));
    assertEquals("[Remedia] CRITICAL: Disk full on db-1 Reply ACK 4821 or RESOLVE 4821", request.field("Body"));
    assertEquals("https://remedia.example.com/twilio/status", request.field("StatusCallback"));
    assertEquals(1, sender.cost(PAGE));
    assertEquals(FROM, sender.paceKey(PAGE));
  }

  @Test
  void aLongSummaryIsShortenedSoThePageStaysOneSegment() throws Exception {
    twilio.answer(201, StubTwilio.message("SM0002", ALICE, FROM, "ignored", "queued", CREATED));
    OutgoingPage verbose =
        TwilioTestData.page(PageChannel.SMS, "page-2", "Disk “full” on db-1 – " + "x".repeat(300), "4821");

    sender.send(verbose);

    String body = twilio.only().field("Body");
    assertTrue(body.startsWith("[Remedia] CRITICAL: Disk \"full\" on db-1 - xxx"), body);
    assertTrue(body.endsWith("... Reply ACK 4821 or RESOLVE 4821"), body);
    assertEquals(1, SmsSegments.count(body));
    assertEquals(1, sender.cost(verbose));
  }

  @Test
  void aRollupNamesTheFirstPagesWithTheirCodesInAtMostTwoSegments() throws Exception {
    twilio.answer(201, StubTwilio.message("SM0003", ALICE, FROM, "ignored", "queued", CREATED));
    List<OutgoingPage> burst =
        IntStream.range(0, 12)
            .mapToObj(i -> TwilioTestData.page(PageChannel.SMS, "page-" + i, "Host db-" + i + " down", "48" + (10 + i)))
            .toList();

    assertEquals(new SentMessage("SM0003"), sender.sendRollup(ALICE, burst));

    StubTwilio.Received request = twilio.only();
    String body = request.field("Body");
    assertTrue(body.startsWith("[Remedia] 12 more incidents are paging you: 4810 Host db-0 down; 4811 Host db-1 down;"), body);
    assertTrue(body.matches(".*; and \\d+ more\\. Reply ACK or RESOLVE with a code, e\\.g\\. ACK 4810"), body);
    assertTrue(SmsSegments.count(body) <= 2, body);
    assertEquals(ALICE, request.field("To"));
    assertEquals("https://remedia.example.com/twilio/status", request.field("StatusCallback"));
  }

  @Test
  void settlingSendsANoticeWhoseDeliveryIsNotFollowed() throws Exception {
    twilio.answer(201, StubTwilio.message("SM0004", ALICE, FROM, "ignored", "queued", CREATED));

    sender.settle(PAGE, new SentMessage("SM0001"), new Settlement(SettleAction.ACKNOWLEDGE, "Bob", "slack", 0, true));

    StubTwilio.Received request = twilio.only();
    assertEquals("[Remedia] Acknowledged by Bob via slack: Disk full on db-1", request.field("Body"));
    assertNull(request.field("StatusCallback"));
  }

  @Test
  void aBurstOfSettlementsIsOneNoticeSayingWhoSettledHowMany() throws Exception {
    twilio.answer(201, StubTwilio.message("SM0005", ALICE, FROM, "ignored", "queued", CREATED));
    Settlement byBob = new Settlement(SettleAction.ACKNOWLEDGE, "Bob", "slack", 0, true);
    Settlement byMonitor = new Settlement(SettleAction.RESOLVE, "alertmanager", "alertmanager", 0, false);

    sender.settleRollup(
        ALICE,
        List.of(
            new SettleNotice(PAGE, new SentMessage("SM0001"), byMonitor),
            new SettleNotice(PAGE, new SentMessage("SM0002"), byBob),
            new SettleNotice(PAGE, new SentMessage("SM0003"), byBob)));

    StubTwilio.Received request = twilio.only();
    assertEquals(
        "[Remedia] 3 incidents paging you were settled: 2 acknowledged by Bob, 1 resolved by alertmanager.",
        request.field("Body"));
    assertEquals(ALICE, request.field("To"));
    assertNull(request.field("StatusCallback"));
  }

  @Test
  void findSentPagesThroughTheListAndMatchesTheTextCarryingThePagesCode() throws Exception {
    String nextPage = MESSAGES + "?To=%2B15558675310&PageSize=100&Page=1&PageToken=PASM0010";
    twilio.answer(200, StubTwilio.list("messages", nextPage,
        StubTwilio.message("SM0010", ALICE, FROM, "[Remedia] CRITICAL: other Reply ACK 1111 or RESOLVE 1111", "delivered", CREATED)));
    twilio.answer(200, StubTwilio.list("messages", null,
        StubTwilio.message("SM0011", ALICE, FROM, "[Remedia] CRITICAL: Disk full on db-1 Reply ACK 4821 or RESOLVE 4821", "sent", CREATED)));

    Optional<SentMessage> found = sender.findSent(PAGE, Instant.parse("2023-08-24T05:00:00Z"));

    assertEquals(Optional.of(new SentMessage("SM0011")), found);
    List<StubTwilio.Received> requests = twilio.received();
    assertEquals(2, requests.size());
    StubTwilio.Received first = requests.get(0);
    assertEquals("GET", first.method());
    assertEquals(MESSAGES, first.path());
    assertEquals(ALICE, first.queryValue("To"));
    assertEquals(FROM, first.queryValue("From"));
    assertEquals("2023-08-24T05:00:00", first.queryValue("DateSent>"));
    assertEquals(TwilioTestData.basicAuth(ACCOUNT_SID, AUTH_TOKEN), first.authorization());
    assertEquals("PASM0010", requests.get(1).queryValue("PageToken"));
  }

  @Test
  void findSentIgnoresTextsCreatedBeforeSinceAndOtherCodes() throws Exception {
    twilio.answer(200, StubTwilio.list("messages", null,
        StubTwilio.message("SM0020", ALICE, FROM, "[Remedia] CRITICAL: Disk full Reply ACK 4821 or RESOLVE 4821", "delivered", CREATED),
        StubTwilio.message("SM0021", ALICE, FROM, "[Remedia] Acknowledged by Bob via slack: Disk full", "delivered", CREATED)));

    assertEquals(Optional.empty(), sender.findSent(PAGE, Instant.parse("2023-08-24T06:00:00Z")));
  }

  @Test
  void aStoppedNumberIsOptedOut() {
    twilio.answer(400, StubTwilio.error(21610, "Attempt to send to unsubscribed recipient", 400));

    ChannelException error = assertThrows(ChannelException.class, () -> sender.send(PAGE));

    assertEquals(ChannelException.Kind.OPTED_OUT, error.kind());
    assertTrue(error.getMessage().contains("21610"), error.getMessage());
  }

  @Test
  void anInvalidNumberIsPermanent() {
    twilio.answer(400, StubTwilio.error(21211, "The 'To' number +1555 is not a valid phone number.", 400));

    ChannelException error = assertThrows(ChannelException.class, () -> sender.send(PAGE));

    assertEquals(ChannelException.Kind.PERMANENT, error.kind());
    assertTrue(error.getMessage().endsWith("is not a valid phone number. (error 21211)"), error.getMessage());
  }

  @Test
  void wrongCredentialsArePermanentAndNeverShowTheToken() {
    twilio.answer(401, StubTwilio.error(20003, "Authenticate", 401));

    ChannelException error = assertThrows(ChannelException.class, () -> sender.send(PAGE));

    assertEquals(ChannelException.Kind.PERMANENT, error.kind());
    assertTrue(!error.getMessage().contains(AUTH_TOKEN), error.getMessage());
  }

  @Test
  void aTooManyRequestsAnswerIsRateLimitedForItsRetryAfter() {
    twilio.answer(429, StubTwilio.error(20429, "Too Many Requests", 429), "Retry-After", "7");

    ChannelException error = assertThrows(ChannelException.class, () -> sender.send(PAGE));

    assertEquals(ChannelException.Kind.RATE_LIMITED, error.kind());
    assertEquals(Duration.ofSeconds(7), error.retryAfter());
    assertEquals(1, twilio.received().size());
  }

  @Test
  void aTooManyRequestsAnswerWithoutRetryAfterWaitsOneSecond() {
    twilio.answer(429, StubTwilio.error(20429, "Too Many Requests", 429));

    ChannelException error = assertThrows(ChannelException.class, () -> sender.send(PAGE));

    assertEquals(ChannelException.Kind.RATE_LIMITED, error.kind());
    assertEquals(Duration.ofSeconds(1), error.retryAfter());
  }

  @Test
  void aServerErrorIsTransientAndTheSdkDoesNotRepeatTheSend() {
    twilio.answer(500, StubTwilio.error(20500, "Internal Server Error", 500));
    twilio.answer(201, StubTwilio.message("SM0098", ALICE, FROM, "ignored", "queued", CREATED));

    ChannelException error = assertThrows(ChannelException.class, () -> sender.send(PAGE));

    assertEquals(ChannelException.Kind.TRANSIENT, error.kind());
    assertEquals(1, twilio.received().size());
  }

  @Test
  void anUnavailableApiIsTransientAndTheHttpClientDoesNotRepeatTheSendEither() {
    twilio.answer(503, StubTwilio.error(20503, "Service Unavailable", 503), "Retry-After", "1");
    twilio.answer(201, StubTwilio.message("SM0099", ALICE, FROM, "ignored", "queued", CREATED));

    ChannelException error = assertThrows(ChannelException.class, () -> sender.send(PAGE));

    assertEquals(ChannelException.Kind.TRANSIENT, error.kind());
    assertEquals(1, twilio.received().size());
  }

  @Test
  void anUnreachableApiIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TwilioSmsSender nowhere =
        new TwilioSmsSender(
            TwilioClients.create(ACCOUNT_SID, AUTH_TOKEN, URI.create("http://127.0.0.1:" + closedPort)), FROM, PUBLIC_URL);

    ChannelException error = assertThrows(ChannelException.class, () -> nowhere.send(PAGE));

    assertEquals(ChannelException.Kind.TRANSIENT, error.kind());
  }
}
