package dev.remedia.activities.slack;

import com.google.gson.JsonParseException;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
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

  /**
   * {@code chat.postMessage} of {@code blocks}, with {@code text} for notifications and {@code metadata}
   * (or none); the reference names the conversation Slack answers with, a user's DM for a user id.
   */
  public static SlackMessageRef post(
      MethodsClient slack, String channel, String text, List<LayoutBlock> blocks, Message.Metadata metadata)
      throws ChannelException {
    ChatPostMessageResponse sent =
        run("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks).metadata(metadata)));
    return new SlackMessageRef(sent.getChannel(), sent.getTs());
  }

  /** {@code chat.update}: the message at {@code ref} gets this text and these blocks instead. */
  public static void update(MethodsClient slack, SlackMessageRef ref, String text, List<LayoutBlock> blocks)
      throws ChannelException {
    run("chat.update", () -> slack.chatUpdate(r -> r.channel(ref.channel()).ts(ref.ts()).text(text).blocks(blocks)));
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
