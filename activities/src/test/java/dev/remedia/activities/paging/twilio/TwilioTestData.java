package dev.remedia.activities.paging.twilio;

import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.workflows.paging.PageChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The account, numbers and pages the Twilio tests share; the account and its auth header serve the API's too. */
public final class TwilioTestData {

  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "twilio-token-5e0c9a";
  static final String FROM = "+15005550006";
  static final String ALICE = "+15558675310";
  static final String PUBLIC_URL = "https://remedia.example.com";
  static final String CREATED = "Thu, 24 Aug 2023 05:01:45 +0000";

  private TwilioTestData() {}

  static OutgoingPage page(PageChannel channel, String pageId, String summary, String replyCode) {
    return new OutgoingPage(
        pageId, channel, ALICE, "Alice", "incident-1", summary, "critical",
        "https://remedia.example.com/api/incidents/incident-1", replyCode);
  }

  /** The Authorization header the SDK sends: HTTP Basic with the account SID and auth token. */
  public static String basicAuth(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
