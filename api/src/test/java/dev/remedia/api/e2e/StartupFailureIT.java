package dev.remedia.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.api.ApiTestSupport;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dependency that cannot be reached, or a mistake in the operator configuration, gives one readable
 * error and a non-zero exit: no hang, no wall of stack trace.
 */
@Timeout(120)
class StartupFailureIT {

  @Test
  void anUnreachableTemporalStopsStartWithOneLine() throws Exception {
    int closed = ApiTestSupport.freePort();
    String output = failedStart(Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + closed));

    assertTrue(output.contains("Remedia could not start: Temporal at 127.0.0.1:" + closed + " is unreachable"), output);
  }

  @Test
  void anUnreachableDatabaseStopsStartWithOneLine() throws Exception {
    int closed = ApiTestSupport.freePort();
    String output =
        failedStart(
            Map.of(
                "REMEDIA_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/remedia",
                "REMEDIA_DATABASE_PASSWORD", "not-to-be-printed"));

    assertTrue(
        output.contains(
            "Remedia could not start: PostgreSQL at jdbc:postgresql://127.0.0.1:" + closed + "/remedia is unreachable"),
        output);
    assertFalse(output.contains("not-to-be-printed"), output);
  }

  @Test
  void aBusyDevTemporalPortIsNamed() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      String output = failedStart(Map.of("REMEDIA_DEV_TEMPORAL_PORT", String.valueOf(busy.getLocalPort())));

      assertTrue(
          output.contains("Remedia could not start: Temporal dev server cannot listen on port " + busy.getLocalPort()),
          output);
    }
  }

  @Test
  void aBadRouteStopsStartNamingTheFileTheRouteAndTheField() throws Exception {
    Path config = Files.createTempFile("remedia-bad", ".yml");
    Files.writeString(
        config,
        """
        webhooks:
          alertmanager: { token: do-not-print-this-token }
        routes:
          - name: disk-full
            match: { source: alertmanager }
            runbook: restart-disk
        """);
    String output = failedStart(Map.of("REMEDIA_CONFIG", config.toString()));

    assertTrue(output.contains("Remedia could not start: "), output);
    assertTrue(output.contains(config.getFileName().toString()), output);
    assertTrue(output.contains("routes[0] 'disk-full': runbook: no runbook named 'restart-disk'"), output);
    assertFalse(output.contains("do-not-print-this-token"), output);
  }

  @Test
  void aWeakAdminTokenStopsStartWithoutPrintingIt() throws Exception {
    String output = failedStart(Map.of("REMEDIA_ADMIN_TOKEN", "letmein"));

    assertTrue(output.contains("Remedia could not start: REMEDIA_ADMIN_TOKEN must be at least 16 visible ASCII characters"), output);
    assertFalse(output.contains("letmein"), output);
  }

  @Test
  void aNegativeRateLimitStopsStartNamingTheSettings() throws Exception {
    String output = failedStart(Map.of("REMEDIA_WEBHOOK_RATE", "-5"));

    assertTrue(output.contains("Remedia could not start: REMEDIA_API_RATE, REMEDIA_API_BURST, REMEDIA_WEBHOOK_RATE and "
        + "REMEDIA_WEBHOOK_BURST must be 0 (off) or more"), output);
  }

  private static String failedStart(Map<String, String> environment) throws Exception {
    try (RemediaProcess remedia = RemediaProcess.start(ApiTestSupport.freePort(), environment)) {
      assertEquals(1, remedia.awaitExit(Duration.ofSeconds(90)));
      String output = remedia.output();
      assertFalse(output.lines().anyMatch(line -> line.startsWith("\tat ")), "no stack trace:\n" + output);
      assertEquals(1, output.lines().filter(line -> line.contains("ERROR")).count(), "one error line:\n" + output);
      return output;
    }
  }
}
