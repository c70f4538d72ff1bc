package dev.remedia.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The Slack app Remedia pages through. Without a bot token there are no Slack pages; without a signing
 * secret, button clicks cannot be verified and {@code POST /slack/interactions} answers 404.
 *
 * @param botToken the app's bot token ({@code xoxb-...})
 * @param signingSecret the app's signing secret, which Slack signs every callback with
 * @param apiUrl the Web API's base URL, or blank for Slack's own (tests point it at a stub)
 * @param responseUrlPrefix where a click's {@code response_url} must point for Remedia to answer there
 */
@ConfigurationProperties("remedia.slack")
public record SlackSettings(
    @Nullable String botToken,
    @Nullable String signingSecret,
    @Nullable String apiUrl,
    @Bindable(defaultValue = "https://hooks.slack.com/") String responseUrlPrefix) {

  public boolean sendsPages() {
    return present(botToken);
  }

  public boolean verifiesInteractions() {
    return present(signingSecret);
  }

  /** Keeps the token and the secret out of logs and error pages. */
  @Override
  public String toString() {
    return "SlackSettings[botToken=" + (sendsPages() ? "***" : "none")
        + ", signingSecret=" + (verifiesInteractions() ? "***" : "none")
        + ", apiUrl=" + (present(apiUrl) ? apiUrl : "Slack's")
        + ", responseUrlPrefix=" + responseUrlPrefix + "]";
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
