package dev.remedia.activities.paging.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import dev.remedia.activities.paging.ChannelException;
import java.util.Set;

/** The one place where Twilio's errors become {@link ChannelException}s, for SMS and voice alike. */
final class TwilioErrors {

  /** The recipient sent STOP: Twilio refuses every message to them until they send START. */
  static final int UNSUBSCRIBED_RECIPIENT = 21610;

  /**
   * Errors that no retry fixes: bad credentials (20003), an invalid 'To' number (21211), a number that
   * cannot receive SMS (21614), no permission for the destination's region (21408), an invalid number
   * for a call (13224).
   */
  private static final Set<Integer> PERMANENT_CODES = Set.of(20003, 21211, 21614, 21408, 13224);

  private TwilioErrors() {}

  /** @param what what was attempted, for the message: "the SMS to +15550100" */
  static ChannelException classify(TwilioException error, String what) {
    if (error instanceof TwilioRateLimitedException limited) {
      return ChannelException.rateLimited(limited.retryAfter(), "Twilio rate-limited " + what);
    }
    if (error instanceof ApiConnectionException) {
      return ChannelException.transientFailure("could not reach Twilio for " + what, error);
    }
    if (!(error instanceof ApiException api)) {
      return ChannelException.transientFailure("Twilio failed " + what + ": " + error.getMessage(), error);
    }
    Integer code = api.getCode();
    Integer status = api.getStatusCode();
    String detail = describe(api);
    if (code != null && code == UNSUBSCRIBED_RECIPIENT) {
      return ChannelException.optedOut("the recipient opted out with STOP; Twilio refused " + what + detail);
    }
    if ((code != null && code == 20429) || (status != null && status == 429)) {
      return ChannelException.rateLimited(
          TwilioHttpClient.DEFAULT_RETRY_AFTER, "Twilio rate-limited " + what + detail);
    }
    if ((code != null && PERMANENT_CODES.contains(code)) || (status != null && status >= 400 && status < 500)) {
      return ChannelException.permanent("Twilio refused " + what + detail, error);
    }
    // 5xx, and errors without an HTTP status (the connection broke, the answer was cut short).
    return ChannelException.transientFailure("Twilio failed " + what + detail, error);
  }

  private static String describe(ApiException error) {
    StringBuilder detail = new StringBuilder();
    if (error.getMessage() != null && !error.getMessage().isBlank()) {
      detail.append(": ").append(error.getMessage());
    }
    if (error.getCode() != null) {
      detail.append(" (error ").append(error.getCode()).append(')');
    } else if (error.getStatusCode() != null) {
      detail.append(" (HTTP ").append(error.getStatusCode()).append(')');
    }
    return detail.toString();
  }
}
