package dev.remedia.api.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.api.StartupFailure;
import dev.remedia.api.webhooks.WebhookSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorConfigFactoryTest {

  @TempDir Path dir;

  @Test
  void aBadFileStopsStartWithEveryProblem() throws IOException {
    Path file = dir.resolve("remedia.yml");
    Files.writeString(
        file,
        """
        webhooks:
          alertmanager: { token: "am-secret-7" }
        routes:
          - name: ok
          - name: disk-full
            runbook: restart-disk
            match: { labels-regex: { device: "sd(a" } }
        """);

    StartupFailure failure =
        assertThrows(StartupFailure.class, () -> OperatorConfigFactory.load(file.toString(), true, Map.of()));

    assertEquals(
        "the operator configuration " + file + " has 2 problems:\n"
            + file + " line 6: routes[1] 'disk-full': runbook: no runbook named 'restart-disk'; known: http-check, change-approval, cert-renewal\n"
            + file + " line 7: routes[1] 'disk-full': match.labels-regex.device: 'sd(a' is not a valid "
            + "regular expression: Unclosed group near index 4",
        failure.getMessage());
    assertFalse(failure.getMessage().contains("am-secret-7"));
  }

  @Test
  void inProductionABlankSettingMeansNoFile() {
    OperatorConfig config =
        OperatorConfigFactory.load("", false, Map.of("REMEDIA_WEBHOOKS_EVENTS_TOKEN", "events-token"));

    assertEquals(List.of(), config.routes());
    assertTrue(config.onCall().people().isEmpty());
    assertTrue(config.credentials(WebhookSource.EVENTS).isPresent());
  }

  @Test
  void inDevModeABlankSettingLoadsTheBundledExample() {
    OperatorConfig config =
        OperatorConfigFactory.load("", true, Map.of("REMEDIA_WEBHOOKS_EVENTS_TOKEN", "events-token"));

    assertEquals(List.of("critical-pages"), config.routes().stream().map(Route::name).toList());
    assertTrue(config.onCall().policy("critical").isPresent());
    assertTrue(config.credentials(WebhookSource.EVENTS).isPresent(), "the environment still gives secrets");
    assertTrue(config.file().isEmpty());
  }

  @Test
  void inDevModeAFileReplacesTheExample() throws IOException {
    Path file = dir.resolve("remedia.yml");
    Files.writeString(file, "routes:\n  - name: mine\n");

    OperatorConfig config = OperatorConfigFactory.load(file.toString(), true, Map.of());

    assertEquals(List.of("mine"), config.routes().stream().map(Route::name).toList());
    assertTrue(config.onCall().policies().isEmpty());
  }

  @Test
  void aMissingFileStopsStart() {
    StartupFailure failure =
        assertThrows(StartupFailure.class, () -> OperatorConfigFactory.load(dir.resolve("gone.yml").toString(), true, Map.of()));

    assertTrue(failure.getMessage().contains("gone.yml: the operator configuration file does not exist"), failure.getMessage());
  }
}
