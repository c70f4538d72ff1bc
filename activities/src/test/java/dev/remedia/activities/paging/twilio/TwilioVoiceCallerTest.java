package dev.remedia.activities.paging.twilio;

import static dev.remedia.activities.paging.twilio.TwilioTestData.ACCOUNT_SID;
import static dev.remedia.activities.paging.twilio.TwilioTestData.ALICE;
import static dev.remedia.activities.paging.twilio.TwilioTestData.AUTH_TOKEN;
import static dev.remedia.activities.paging.twilio.TwilioTestData.CREATED;
import static dev.remedia.activities.paging.twilio.TwilioTestData.FROM;
import static dev.remedia.activities.paging.twilio.TwilioTestData.PUBLIC_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.ChannelException;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.SentMessage;
import dev.remedia.workflows.paging.PageChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The voice adapter with the real Twilio SDK against a stub of Twilio's API that checks each request. */
@Timeout(30)
class TwilioVoiceCallerTest {

  private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
  private static final OutgoingPage PAGE =
      TwilioTestData.page(PageChannel.VOICE, "page-7", "Disk full on db-1 & db-2", "4821");

  private StubTwilio twilio;
  private TwilioVoiceCaller caller;

  @BeforeEach
  void start() throws Exception {
    twilio = new StubTwilio();
    caller = new TwilioVoiceCaller(TwilioClients.create(ACCOUNT_SID, AUTH_TOKEN, twilio.baseUri()), FROM, PUBLIC_URL);
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void aPageIsACallThatSpeaksTheSummaryAndGathersOneKeyForThisPage() throws Exception {
    twilio.answer(201, StubTwilio.call("CA0001", ALICE, FROM, "queued", CREATED));

    assertEquals(new SentMessage("CA0001"), caller.send(PAGE));

    StubTwilio.Received request = twilio.only();
    assertEquals("POST", request.method());
    assertEquals(CALLS, request.path());
    assertEquals(TwilioTestData.basicAuth(ACCOUNT_SID, AUTH_TOKEN), request.authorization());
    assertEquals(ALICE, request.field("To"));
    assertEquals(FROM, request.field("From"));
    assertEquals("Enable", request.field("MachineDetection"));
    assertEquals("https://remedia.example.com/twilio/voice/status", request.field("StatusCallback"));
    assertEquals("completed", request.field("StatusCallbackEvent"));
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
            + "<Gather action=\"https://remedia.example.com/twilio/voice/gather?page=page-7\" numDigits=\"1\">"
            + "<Say loop=\"2\">This is Remedia. Critical incident: Disk full on db-1 &amp; db-2. "
            + "Press 1 to acknowledge, or 2 to resolve.</Say></Gather>"
            + "<Say>No key was pressed. Goodbye.</Say></Response>",
        request.field("Twiml"));
    assertEquals(FROM, caller.paceKey(PAGE));
  }

  @Test
  void aRollupCallSpeaksTheCountAndItsKeyAnswersTheFirstPage() throws Exception {
    twilio.answer(201, StubTwilio.call("CA0002", ALICE, FROM, "queued", CREATED));
    List<OutgoingPage> burst =
        List.of(
            PAGE,
            TwilioTestData.page(PageChannel.VOICE, "page-8", "Backup late", "4822"),
            TwilioTestData.page(PageChannel.VOICE, "page-9", "Cert expiring", "4823"));

    assertEquals(new SentMessage("CA0002"), caller.sendRollup(ALICE, burst));

    String twiml = twilio.only().field("Twiml");
    assertTrue(twiml.contains("action=\"https://remedia.example.com/twilio/voice/gather?page=page-7\""), twiml);
    assertTrue(twiml.contains("This is Remedia. 3 incidents are paging you. The first: Critical incident: "
        + "Disk full on db-1 &amp; db-2. Press 1 to acknowledge it, or 2 to resolve it."), twiml);
  }

  @Test
  void findSentFindsACallFromOurNumberToThePersonSinceTheGivenTime() throws Exception {
    twilio.answer(200, StubTwilio.list("calls", null, StubTwilio.call("CA0003", ALICE, FROM, "in-progress", CREATED)));

    Optional<SentMessage> found = caller.findSent(PAGE, Instant.parse("2023-08-24T05:00:00Z"));

    assertEquals(Optional.of(new SentMessage("CA0003")), found);
    StubTwilio.Received request = twilio.only();
    assertEquals("GET", request.method());
    assertEquals(CALLS, request.path());
    assertEquals(ALICE, request.queryValue("To"));
    assertEquals(FROM, request.queryValue("From"));
    assertEquals("2023-08-24T05:00:00", request.queryValue("StartTime>"));
  }

  @Test
  void findSentFindsNothingWhenTwilioListsNoCall() throws Exception {
    twilio.answer(200, StubTwilio.list("calls", null));

    assertEquals(Optional.empty(), caller.findSent(PAGE, Instant.parse("2023-08-24T05:00:00Z")));
  }

  @Test
  void aNumberThatCannotBeCalledIsPermanent() {
    twilio.answer(400, StubTwilio.error(13224, "Invalid phone number", 400));

    ChannelException error = assertThrows(ChannelException.class, () -> caller.send(PAGE));

    assertEquals(ChannelException.Kind.PERMANENT, error.kind());
    assertTrue(error.getMessage().startsWith("Twilio refused the call to +15558675310"), error.getMessage());
  }
}
