package dev.remedia.activities.paging.twilio;

import com.twilio.exception.ApiException;
import java.time.Duration;

/** Twilio answered 429; carries how long it asked us to wait, which the SDK's own exception loses. */
final class TwilioRateLimitedException extends ApiException {

  private final Duration retryAfter;

  TwilioRateLimitedException(Duration retryAfter) {
    super("Twilio answered 429 Too Many Requests", 429);
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
