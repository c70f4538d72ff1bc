package dev.remedia.activities.paging.twilio;

import com.twilio.http.TwilioRestClient;
import java.net.URI;

/** Builds the one Twilio client the SMS and voice adapters share. */
public final class TwilioClients {

  private TwilioClients() {}

  /**
   * @param apiBase where Twilio's API is, for stubs (http://127.0.0.1:8089), or null for api.twilio.com
   */
  public static TwilioRestClient create(String accountSid, String authToken, URI apiBase) {
    return new TwilioRestClient.Builder(accountSid, authToken).httpClient(new TwilioHttpClient(apiBase)).build();
  }
}
