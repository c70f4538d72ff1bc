package dev.remedia.api.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.http.TwilioRestClient;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.TwilioSettings;
import dev.remedia.workflows.paging.PageChannel;
import org.junit.jupiter.api.Test;

class TwilioFactoryTest {

  private static final String SID = "AC0123456789abcdef0123456789abcdef";
  private static final String TOKEN = "twilio-token-93be1f";

  @Test
  void aPartialConfigurationStopsStartNamingWhatIsMissing() {
    TwilioSettings partial = new TwilioSettings(SID, " ", "+15005550006", null, "");

    StartupFailure failure = assertThrows(StartupFailure.class, () -> new TwilioFactory().twilioClient(partial));

    assertEquals(
        "Twilio is configured only in part: REMEDIA_TWILIO_AUTH_TOKEN, REMEDIA_PUBLIC_URL are missing",
        failure.getMessage());
  }

  @Test
  void aBadNumberOrUrlIsNamed() {
    TwilioSettings bad = new TwilioSettings(SID, TOKEN, "5005550006", "remedia.example.com", "ftp://stub");

    StartupFailure failure = assertThrows(StartupFailure.class, () -> new TwilioFactory().twilioClient(bad));

    assertEquals(
        "Twilio is configured only in part: REMEDIA_TWILIO_FROM must be an E.164 number such as +15017122661; "
            + "REMEDIA_PUBLIC_URL must be an absolute http or https URL without query, such as "
            + "https://remedia.example.com; REMEDIA_TWILIO_API_URL must be an absolute http or https URL without query",
        failure.getMessage());
    assertFalse(failure.getMessage().contains(TOKEN));
  }

  @Test
  void aCompleteConfigurationGivesTheClientForItsAccount() {
    TwilioSettings settings = new TwilioSettings(SID, TOKEN, " +15005550006 ", "https://remedia.example.com/", null);

    TwilioFactory factory = new TwilioFactory();
    TwilioRestClient client = factory.twilioClient(settings);
    OutgoingPage page =
        new OutgoingPage("p", PageChannel.SMS, "+15558675310", "Alice", "i", "Disk full", "critical", null, "4821");

    assertEquals(SID, client.getAccountSid());
    assertEquals(PageChannel.SMS, factory.twilioSms(client, settings).channel());
    assertEquals(PageChannel.VOICE, factory.twilioVoice(client, settings).channel());
    assertEquals("+15005550006", factory.twilioSms(client, settings).paceKey(page));
  }

  @Test
  void nothingSetMeansTwilioIsOffAndTheTokenNeverShows() {
    assertFalse(new TwilioSettings(null, "", " ", null, null).anySet());
    TwilioSettings settings = new TwilioSettings(SID, TOKEN, "+15005550006", "https://remedia.example.com", null);
    assertTrue(settings.anySet());
    assertFalse(settings.toString().contains(TOKEN), settings.toString());
  }
}
