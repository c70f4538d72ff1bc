package dev.remedia.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Remedia replicas share a Temporal and a PostgreSQL, as in production. The one running a step is
 * killed (kill -9) in the middle of it; the other takes over: the run finishes, the interrupted step is
 * retried once, and the timeline shows each step once.
 */
@Timeout(240)
class CrashRecoveryIT {

  @Test
  void aRunInterruptedByACrashFinishesOnTheSurvivingReplicaWithoutDuplicateSteps() throws Exception {
    int temporalPort = ApiTestSupport.freePort();
    try (Closeable temporal = TestServer.createPortBoundServer(temporalPort, true);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        TargetServer target = TargetServer.holdingFirstRequest()) {
      Map<String, String> production =
          Map.of(
              "TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort,
              "REMEDIA_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
              "REMEDIA_DATABASE_USER", "postgres");

      try (RemediaProcess doomed = RemediaProcess.start(ApiTestSupport.freePort(), production)) {
        doomed.awaitHealthy(Duration.ofSeconds(90));
        String runId = new Runs(doomed).start("http-check", "{\"url\": \"" + target.url() + "\", \"timeoutSeconds\": 2}");
        assertTrue(target.awaitFirstRequest(), "the probe never reached the target");

        try (RemediaProcess survivor = RemediaProcess.start(ApiTestSupport.freePort(), production)) {
          survivor.awaitHealthy(Duration.ofSeconds(90));
          doomed.crash();

          JsonNode run = new Runs(survivor).awaitEnd(runId, Duration.ofSeconds(90));

          assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
          assertEquals(2, target.requests(), "the interrupted probe is retried once");
          JsonNode steps = run.get("steps");
          assertEquals(2, steps.size(), steps.toString());
          assertEquals("probe", steps.get(0).get("name").asText());
          assertEquals("SUCCEEDED", steps.get(0).get("state").asText());
          assertEquals("certificate", steps.get(1).get("name").asText());
        }
      }
    }
  }
}
