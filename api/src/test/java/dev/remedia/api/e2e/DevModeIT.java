package dev.remedia.api.e2e;

import dev.remedia.api.TargetServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `java -jar api/target/remedia.jar` with no configuration: everything embedded, an admin token made and
 * printed once, a run end to end with it.
 */
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
                    "REMEDIA_DATABASE_URL", "",
                    "REMEDIA_ADMIN_TOKEN", ""))) {
      remedia.awaitHealthy(Duration.ofSeconds(90));

      String log = remedia.output();
      assertTrue(log.contains("PostgreSQL: embedded PostgreSQL on 127.0.0.1:"), log);
      assertTrue(log.contains("Temporal: started in-process Temporal test server on port " + temporalPort + ", all interfaces"), log);
      assertTrue(log.contains("Worker: polling task queue 'remedia' in namespace 'default' for runbooks [http-check, change-approval, cert-renewal]"), log);
      assertTrue(log.contains("Server Running: http://localhost:" + httpPort), log);
      assertTrue(log.contains("dev mode uses its example classpath:dev/remedia-dev.yml, 1 route(s) [critical-pages]"), log);

      String token = remedia.adminToken();
      assertEquals(
          1,
          log.lines().filter(line -> line.equals(
              "Admin token for this run (dev mode; shown only here): export REMEDIA_ADMIN_TOKEN=" + token)).count(),
          log);
      HttpResponse<String> anonymous =
          HttpClient.newHttpClient().send(HttpRequest.newBuilder(remedia.uri("/api/runs")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, anonymous.statusCode(), anonymous.body());

      Runs runs = new Runs(remedia);
      JsonNode succeeded = runs.awaitEnd(runs.start("http-check", "{\"url\": \"" + target.url() + "\"}"), Duration.ofSeconds(60));
      assertEquals("SUCCEEDED", succeeded.get("status").asText(), succeeded.toString());
      assertEquals(200, succeeded.get("result").get("statusCode").asInt());

      String closed = "http://127.0.0.1:" + ApiTestSupport.freePort() + "/";
      JsonNode failed =
          runs.awaitEnd(runs.start("http-check", "{\"url\": \"" + closed + "\", \"maxAttempts\": 2}"), Duration.ofSeconds(60));
      assertEquals("FAILED", failed.get("status").asText());
      assertEquals(closed + ": cannot connect: connection refused (gave up after 2 attempts)", failed.get("failure").asText());
      String after = remedia.output();
      assertEquals(after.indexOf(token), after.lastIndexOf(token), "the admin token is shown once only:\n" + after);
    }
  }
}
