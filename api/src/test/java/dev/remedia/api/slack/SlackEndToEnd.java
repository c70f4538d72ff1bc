package dev.remedia.api.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.slack.StubSlackApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;

/** What the end-to-end tests through a stub Slack share: the stub, its settings, buttons and signed clicks. */
final class SlackEndToEnd {

  private SlackEndToEnd() {}

  static StubSlackApi startSlack() {
    try {
      return new StubSlackApi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Remedia's Slack settings pointing at the stub, with the tests' signing secret. */
  static Map<String, String> settings(StubSlackApi slack) {
    return Map.of(
        "remedia.slack.bot-token", StubSlackApi.TOKEN,
        "remedia.slack.signing-secret", SlackInteractionsApiTest.SIGNING_SECRET,
        "remedia.slack.api-url", slack.apiUrl(),
        "remedia.slack.response-url-prefix", slack.apiUrl());
  }

  /** The value of the button with {@code actionId} in a message's blocks. */
  static String buttonValue(JsonNode blocks, String actionId) {
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.get("value").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocks);
  }

  /** A click on that button by {@code userId}, signed as Slack signs it now. */
  static HttpRequest.Builder signedClick(URI base, StubSlackApi slack, String userId, String actionId, String value) {
    long timestamp = Instant.now().getEpochSecond();
    String click = SlackInteractionsApiTest.click(userId, actionId, value, slack.apiUrl() + "response");
    return HttpRequest.newBuilder(base.resolve("/slack/interactions"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
        .header(
            "X-Slack-Signature",
            SlackInteractionsApiTest.signature(SlackInteractionsApiTest.SIGNING_SECRET, timestamp, click))
        .POST(HttpRequest.BodyPublishers.ofString(click));
  }
}
