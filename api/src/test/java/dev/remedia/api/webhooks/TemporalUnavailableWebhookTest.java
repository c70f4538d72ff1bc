package dev.remedia.api.webhooks;

import static dev.remedia.activities.store.generated.Tables.ALERTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.store.AlertStore;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.api.operator.Router;
import dev.remedia.api.problem.ApiProblem;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * When Temporal cannot take the alerts, the monitor hears 503 with Retry-After and the alerts stored
 * for the delivery are removed again: its retry is the delivery, and nothing is half created.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class TemporalUnavailableWebhookTest extends WebhookTestSupport {

  @Inject List<PayloadParser> parsers;
  @Inject Router router;
  @Inject OperatorConfig config;
  @Inject AlertStore alerts;
  @Inject TemporalSettings settings;
  @Inject JsonMapper json;
  @Inject DSLContext db;

  @Test
  void aDeliveryTemporalCannotTakeAnswers503AndLeavesNoAlertsBehind() {
    WorkflowServiceStubs deadTemporal = unreachableTemporal();
    AlertIntake intake =
        new AlertIntake(parsers, router, config, alerts, WorkflowClient.newInstance(deadTemporal), settings, json);
    int before = db.fetchCount(ALERTS);

    ApiProblem problem =
        assertThrows(
            ApiProblem.class,
            () ->
                intake.accept(
                    WebhookSource.ALERTMANAGER,
                    fixture("alertmanager-firing").getBytes(StandardCharsets.UTF_8)));

    assertEquals(HttpStatus.SERVICE_UNAVAILABLE, problem.status());
    assertEquals(Duration.ofSeconds(5), problem.retryAfter());
    assertTrue(problem.getMessage().startsWith("Temporal did not accept the alerts"));
    assertEquals(before, db.fetchCount(ALERTS));
    deadTemporal.shutdownNow();
  }
}
