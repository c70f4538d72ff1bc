package dev.remedia.activities.slack;

import com.google.gson.JsonParseException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.remedia.activities.paging.ChannelException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a Web API call and classifies every way it can fail, once for all the calls the adapter makes:
 * a rate limit with its Retry-After, errors that no retry fixes, and everything else as transient, so
 * the activity's retry policy decides.
 */
public final class SlackCalls {

  /** The address, the message or the app's installation is wrong: retrying sends the same mistake. */
  private static final Set<String> PERMANENT_ERRORS =
      Set.of(
          "channel_not_found", "not_in_channel", "user_not_found", "is_archived", "cannot_dm_bot",
          "invalid_blocks", "invalid_blocks_format", "invalid_arguments", "msg_too_long", "no_text",
          "invalid_metadata_format", "invalid_metadata_schema", "message_not_found", "cant_update_message",
          "edit_window_closed", "restricted_action",
          "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
          "missing_scope", "no_permission", "not_allowed_token_type", "team_access_not_granted",
          "ekm_access_denied");

  /** Slack always sends Retry-After with a 429; this covers a proxy that drops it. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private SlackCalls() {}

  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  public static <T extends SlackApiTextResponse> T run(String method, Call<T> call) throws ChannelException {
    T response;
    try {
      response = call.run();
    } catch (IOException | JsonParseException e) {
      throw ChannelException.transientFailure("Slack " + method + " failed: " + e.getMessage(), e);
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      String error = e.getError() == null ? null : e.getError().getError();
      String needed = e.getError() == null ? null : e.getError().getNeeded();
      if (status == 429) {
        throw rateLimited(method, e.getResponse().header("Retry-After"));
      }
      throw classified(method, "HTTP " + status, error, needed, e);
    }
    if (!response.isOk()) {
      if ("ratelimited".equals(response.getError())) {
        throw rateLimited(method, firstHeader(response.getHttpResponseHeaders(), "retry-after"));
      }
      throw classified(method, "HTTP 200", response.getError(), response.getNeeded(), null);
    }
    return response;
  }

  private static ChannelException classified(
      String method, String status, String error, String needed, Throwable cause) {
    String message =
        "Slack refused " + method + " (" + status + (error == null ? "" : ", " + error) + ")"
            + (needed == null ? "" : "; the app needs the scope " + needed);
    return error != null && PERMANENT_ERRORS.contains(error)
        ? ChannelException.permanent(message, cause)
        : ChannelException.transientFailure(message, cause);
  }

  private static ChannelException rateLimited(String method, String retryAfter) {
    Duration wait = retryAfter != null && retryAfter.strip().matches("\\d{1,9}")
        ? Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.strip())))
        : DEFAULT_RETRY_AFTER;
    return ChannelException.rateLimited(wait, "Slack rate-limited " + method + "; retry after " + wait.toSeconds() + " s");
  }

  private static String firstHeader(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
