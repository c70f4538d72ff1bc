package dev.remedia.api.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.slack.api.Slack;
import com.slack.api.webhook.WebhookResponse;
import dev.remedia.activities.slack.SlackText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the person who clicked, and only them, through the click's {@code response_url}, leaving the
 * page's message as it is.
 */
@Singleton
class EphemeralReplies {

  private static final Logger LOG = LoggerFactory.getLogger(EphemeralReplies.class);

  private final Slack slack;
  private final JsonMapper json;

  EphemeralReplies(Slack slack, JsonMapper json) {
    this.slack = slack;
    this.json = json;
  }

  /** Best effort: a lost answer leaves the person without an explanation, nothing worse. */
  void reply(@Nullable String responseUrl, String text) {
    if (responseUrl == null) {
      return;
    }
    try {
      WebhookResponse response =
          slack.send(responseUrl, json.writeValueAsString(new Reply("ephemeral", false, SlackText.escape(text))));
      if (response.getCode() / 100 != 2) {
        LOG.warn("Slack refused an ephemeral answer: HTTP {} {}", response.getCode(), response.getBody());
      }
    } catch (IOException e) {
      LOG.warn("Could not post an ephemeral answer to Slack: {}", e.getMessage());
    }
  }

  /** What Slack's response_url takes. */
  @Serdeable
  record Reply(
      @JsonProperty("response_type") String responseType,
      @JsonProperty("replace_original") boolean replaceOriginal,
      String text) {}
}
