package dev.remedia.activities.paging.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;

/**
 * Twilio's own HTTP client with three changes. It makes one attempt per request: the SDK would repeat a
 * POST after a 5xx, and Apache's client after a 429 or 503, but a send that failed late may have reached
 * the phone already, so the caller decides (it looks for the message before sending again). It turns a 429 into {@link
 * TwilioRateLimitedException} while the Retry-After header is still at hand. And, for stubs, it sends
 * every request to {@code apiBase} instead of api.twilio.com, keeping path, query, form and auth.
 */
final class TwilioHttpClient extends NetworkHttpClient {

  /** How long to wait after a 429 that says nothing, matching Twilio's one-per-second sender budget. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final URI apiBase;

  /** @param apiBase where the API is, or null for Twilio itself */
  TwilioHttpClient(URI apiBase) {
    // The same pool and timeouts as the SDK's default client, without Apache's automatic retries.
    super(
        HttpClientBuilder.create()
            .useSystemProperties()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG)
                    .setMaxConnPerRoute(20)
                    .setMaxConnTotal(100)
                    .build())
            .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
            .disableAutomaticRetries());
    this.apiBase = apiBase;
  }

  @Override
  public Response reliableRequest(Request request) {
    return reliableRequest(request, RETRY_CODES, 1, 0);
  }

  @Override
  public Response makeRequest(Request request) {
    Response response = super.makeRequest(apiBase == null ? request : new RedirectedRequest(request, apiBase));
    if (response != null && response.getStatusCode() == 429) {
      throw new TwilioRateLimitedException(retryAfter(response.getHeaders()));
    }
    return response;
  }

  /** Retry-After is either seconds or an HTTP date; anything else falls back to the default. */
  static Duration retryAfter(Header[] headers) {
    for (Header header : headers == null ? new Header[0] : headers) {
      if (!header.getName().equalsIgnoreCase("Retry-After") || header.getValue() == null) {
        continue;
      }
      String value = header.getValue().strip();
      try {
        long seconds = Long.parseLong(value);
        return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY_AFTER;
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          Duration wait = Duration.between(Instant.now(), at);
          return wait.isNegative() || wait.isZero() ? DEFAULT_RETRY_AFTER : wait;
        } catch (DateTimeParseException notADate) {
          return DEFAULT_RETRY_AFTER;
        }
      }
    }
    return DEFAULT_RETRY_AFTER;
  }
}
