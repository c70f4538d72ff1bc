package dev.remedia.activities.paging.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

class TwilioHttpClientTest {

  @Test
  void retryAfterInSecondsIsTaken() {
    assertEquals(Duration.ofSeconds(12), TwilioHttpClient.retryAfter(headers("retry-after", " 12 ")));
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
    String inAMinute = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);

    Duration wait = TwilioHttpClient.retryAfter(headers("Retry-After", inAMinute));

    assertTrue(wait.compareTo(Duration.ofSeconds(55)) > 0 && wait.compareTo(Duration.ofSeconds(61)) <= 0, wait.toString());
  }

  @Test
  void aMissingPastOrUnreadableRetryAfterWaitsOneSecond() {
    assertEquals(Duration.ofSeconds(1), TwilioHttpClient.retryAfter(headers("Content-Type", "application/json")));
    assertEquals(Duration.ofSeconds(1), TwilioHttpClient.retryAfter(headers("Retry-After", "0")));
    assertEquals(Duration.ofSeconds(1), TwilioHttpClient.retryAfter(headers("Retry-After", "Mon, 01 Jan 2001 00:00:00 GMT")));
    assertEquals(Duration.ofSeconds(1), TwilioHttpClient.retryAfter(headers("Retry-After", "soon")));
    assertEquals(Duration.ofSeconds(1), TwilioHttpClient.retryAfter(null));
  }

  private static Header[] headers(String name, String value) {
    return new Header[] {new BasicHeader(name, value)};
  }
}
