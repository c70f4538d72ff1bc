package dev.remedia.api.runbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.store.RunQuery;
import dev.remedia.activities.store.RunClaimStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.api.access.Caller;
import dev.remedia.api.access.Role;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.problem.ApiProblem;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** When Temporal cannot take a run, the caller is told to retry and nothing is recorded as started. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class TemporalUnavailableTest extends ApiTestSupport {

  @Inject TemporalSettings settings;
  @Inject RunbookInputReader inputs;
  @Inject RunStore runs;
  @Inject AuditTrail audit;
  @Inject RunClaimStore claims;

  @Test
  void aStartThatTemporalCannotTakeAnswers503WithRetryAfterAndRecordsNothing() {
    WorkflowServiceStubs deadTemporal = unreachableTemporal();
    RunLauncher launcher =
        new RunLauncher(WorkflowClient.newInstance(deadTemporal), settings, inputs, runs, audit, claims);
    int before = runs.list(new RunQuery(null, "http-check", RunQuery.MAX_LIMIT, null)).runs().size();

    ApiProblem problem =
        assertThrows(
            ApiProblem.class,
            () -> launcher.start(
                    "http-check", "{\"url\": \"http://127.0.0.1:9/\"}",
                    new Caller("t-1", "ci-bot", Role.OPERATOR, null).actor(), "127.0.0.1", null));

    assertEquals(HttpStatus.SERVICE_UNAVAILABLE, problem.status());
    assertEquals(Duration.ofSeconds(5), problem.retryAfter());
    assertTrue(problem.getMessage().startsWith("Temporal did not confirm the start of the run"));
    assertEquals(before, runs.list(new RunQuery(null, "http-check", RunQuery.MAX_LIMIT, null)).runs().size());
    deadTemporal.shutdownNow();
  }
}
