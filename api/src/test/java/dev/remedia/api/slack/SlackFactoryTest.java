package dev.remedia.api.slack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.SlackSettings;
import org.junit.jupiter.api.Test;

/** The start-up rules for the Slack settings, and that they never show the secrets. */
class SlackFactoryTest {

  private static final String TOKEN = "xoxb-1234-secret-token";
  private static final String SECRET = "signing-secret-5678";

  @Test
  void productionWithABotTokenButNoSigningSecretDoesNotStart() {
    StartupFailure failure =
        assertThrows(
            StartupFailure.class,
            () -> SlackFactory.check(new SlackSettings(TOKEN, " ", null, "https://hooks.slack.com/"), false));

    assertEquals(
        "REMEDIA_SLACK_BOT_TOKEN is set but REMEDIA_SLACK_SIGNING_SECRET is not: Slack button clicks could not be "
            + "verified; set the signing secret from the Slack app's Basic Information page",
        failure.getMessage());
  }

  @Test
  void devModeOrACompleteAppOrNoSlackAtAllStarts() {
    assertDoesNotThrow(() -> SlackFactory.check(new SlackSettings(TOKEN, null, null, "https://hooks.slack.com/"), true));
    assertDoesNotThrow(() -> SlackFactory.check(new SlackSettings(TOKEN, SECRET, null, "https://hooks.slack.com/"), false));
    assertDoesNotThrow(() -> SlackFactory.check(new SlackSettings(null, null, null, "https://hooks.slack.com/"), false));
  }

  @Test
  void settingsNeverShowTheTokenOrTheSecret() {
    String shown = new SlackSettings(TOKEN, SECRET, "http://127.0.0.1:9/api/", "https://hooks.slack.com/").toString();

    assertFalse(shown.contains(TOKEN), shown);
    assertFalse(shown.contains(SECRET), shown);
    assertEquals(
        "SlackSettings[botToken=***, signingSecret=***, apiUrl=http://127.0.0.1:9/api/, responseUrlPrefix=https://hooks.slack.com/]",
        shown);
  }
}
