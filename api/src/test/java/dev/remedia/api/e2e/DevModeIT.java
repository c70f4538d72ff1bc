package dev.remedia.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `java -jar api/target/remedia.jar` with no configuration: everything embedded, a run end to end. */
@Timeout(180)
class DevModeIT {

  @Test
  void theJarStartsOnEmbeddedDefaultsAndRunsARunbookEndToEnd() throws Exception {
    int httpPort = ApiTestSupport.freePort();
    int temporalPort = ApiTestSupport.freePort();
    try (TargetServer target = TargetServer.answering();
        RemediaProcess remedia =
            RemediaProcess.start(
                httpPort,
                Map.of(
                    "REMEDIA_DEV_TEMPORAL_PORT", String.valueOf(temporalPort),
                    "TEMPORAL_ADDRESS", "",
                    "REMEDIA_DATABASE_URL", ""))) {
      remedia.awaitHealthy(Duration.ofSeconds(90));

      String log = remedia.output();
      assertTrue(log.contains("PostgreSQL: embedded PostgreSQL on 127.0.0.1:"), log);
      assertTrue(log.contains("Temporal: started in-process Temporal test server on port " + temporalPort + ", all interfaces"), log);
      assertTrue(log.contains("Worker: polling task queue 'remedia' in namespace 'default' for runbooks [http-check, change-approval, cert-renewal]"), log);
      assertTrue(log.contains("Server Running: http://localhost:" + httpPort), log);
      assertTrue(log.contains("dev mode uses its example classpath:dev/remedia-dev.yml, 1 route(s) [critical-pages]"), log);

      Runs runs = new Runs(remedia);
      JsonNode succeeded = runs.awaitEnd(runs.start("http-check", "{\"url\": \"" + target.url() + "\"}"), Duration.ofSeconds(60));
      assertEquals("SUCCEEDED", succeeded.get("status").asText(), succeeded.toString());
      assertEquals(200, succeeded.get("result").get("statusCode").asInt());

      String closed = "http://127.0.0.1:" + ApiTestSupport.freePort() + "/";
      JsonNode failed =
          runs.awaitEnd(runs.start("http-check", "{\"url\": \"" + closed + "\", \"maxAttempts\": 2}"), Duration.ofSeconds(60));
      assertEquals("FAILED", failed.get("status").asText());
      assertEquals(closed + ": cannot connect: connection refused (gave up after 2 attempts)", failed.get("failure").asText());
    }
  }
}
