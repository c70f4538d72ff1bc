package dev.remedia.api.webhooks;

import dev.remedia.activities.store.AlertStore;
import dev.remedia.activities.store.NewAlert;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.api.operator.RoutedAlert;
import dev.remedia.api.operator.Router;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.workflows.incident.AlertBatch;
import dev.remedia.workflows.incident.AlertNotice;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.IncidentWorkflow;
import dev.remedia.workflows.incident.RouteDecision;
import io.micronaut.json.JsonMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an authenticated webhook body into durable incident signals. The alerts are stored first, with
 * their raw payload; each incident's alerts then go to its workflow in one signal-with-start. Only when
 * every signal is accepted does the monitor hear 202; otherwise the alerts Temporal did not take are
 * removed again and the monitor hears 503, retries, and nothing is lost. A retry may repeat alerts that
 * were already delivered: the incident counts such repeats as duplicates, so that is harmless.
 */
@Singleton
class AlertIntake {

  private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private static final int START_RACE_ATTEMPTS = 3;

  private final Map<WebhookSource, PayloadParser> parsers = new EnumMap<>(WebhookSource.class);
  private final Router router;
  private final OperatorConfig config;
  private final AlertStore alerts;
  private final WorkflowClient temporal;
  private final TemporalSettings settings;
  private final JsonMapper json;

  AlertIntake(
      List<PayloadParser> parsers,
      Router router,
      OperatorConfig config,
      AlertStore alerts,
      WorkflowClient temporal,
      TemporalSettings settings,
      JsonMapper json) {
    parsers.forEach(parser -> this.parsers.put(parser.source(), parser));
    this.router = router;
    this.config = config;
    this.alerts = alerts;
    this.temporal = temporal;
    this.settings = settings;
    this.json = json;
  }

  WebhookAccepted accept(WebhookSource source, byte[] body) {
    if (body.length == 0) {
      throw ApiProblem.badRequest("the body is empty; send the monitor's JSON payload");
    }
    List<ReceivedAlert> received;
    try {
      received = parsers.get(source).parse(body);
    } catch (InvalidPayloadException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
    Instant now = Instant.now();
    Map<String, List<Routed>> byIncident = new LinkedHashMap<>();
    List<NewAlert> rows = new ArrayList<>();
    for (ReceivedAlert alert : received) {
      RoutedAlert routed = router.route(alert);
      String workflowId = IncidentWorkflow.workflowId(source.id(), routed.dedupeKey());
      UUID id = UUID.randomUUID();
      byIncident.computeIfAbsent(workflowId, key -> new ArrayList<>()).add(new Routed(id, routed));
      rows.add(row(id, workflowId, routed, now));
    }
    alerts.insert(rows);
    List<WebhookAccepted.Delivery> deliveries = new ArrayList<>();
    for (Map.Entry<String, List<Routed>> incident : byIncident.entrySet()) {
      try {
        deliveries.add(deliver(source, incident.getKey(), incident.getValue(), now));
      } catch (WorkflowServiceException e) {
        forgetUndelivered(byIncident, deliveries.size());
        throw ApiProblem.unavailable(
            "Temporal did not accept the alerts; retry the same delivery (repeats are harmless)",
            RETRY_AFTER,
            e);
      } catch (RuntimeException e) {
        forgetUndelivered(byIncident, deliveries.size());
        throw e;
      }
    }
    return new WebhookAccepted(rows.size(), deliveries);
  }

  private WebhookAccepted.Delivery deliver(
      WebhookSource source, String workflowId, List<Routed> routed, Instant now) {
    RoutedAlert first = routed.get(0).alert();
    RouteDecision decision = router.decide(first);
    AlertBatch batch =
        new AlertBatch(
            source.id(),
            first.dedupeKey(),
            decision,
            config.flapWindow().toSeconds(),
            routed.stream().map(alert -> notice(alert, now)).toList());
    List<String> ids = routed.stream().map(alert -> alert.id().toString()).toList();
    String route = decision.route();
    boolean opens = batch.alerts().stream().anyMatch(alert -> alert.status() == AlertStatus.FIRING);
    if (opens) {
      signalWithStart(workflowId, batch);
      return new WebhookAccepted.Delivery(workflowId, first.dedupeKey(), route, ids, "signalled");
    }
    // A resolution or acknowledgement alone must not open an incident: signal only an open one.
    try {
      temporal.newUntypedWorkflowStub(workflowId).signal(IncidentWorkflow.ALERTS_SIGNAL, batch);
      return new WebhookAccepted.Delivery(workflowId, first.dedupeKey(), route, ids, "signalled");
    } catch (WorkflowNotFoundException e) {
      return new WebhookAccepted.Delivery(workflowId, first.dedupeKey(), route, ids, "no-open-incident");
    }
  }

  /**
   * Signals the incident, starting it if needed. Two deliveries opening the same incident at once can
   * race: Temporal's test server then refuses one start as already started, although a real server
   * signals it. The incident exists by then, so trying again signals it.
   */
  private void signalWithStart(String workflowId, AlertBatch batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        temporal
            .newUntypedWorkflowStub(
                IncidentWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(settings.taskQueue())
                    .build())
            .signalWithStart(IncidentWorkflow.ALERTS_SIGNAL, new Object[] {batch}, new Object[] {null});
        return;
      } catch (WorkflowExecutionAlreadyStarted e) {
        if (attempt == START_RACE_ATTEMPTS) {
          throw ApiProblem.unavailable(
              "Temporal kept refusing to start or signal incident " + workflowId + "; retry the delivery",
              RETRY_AFTER,
              e);
        }
      }
    }
  }

  /** Removes the stored alerts of every incident from {@code firstUndelivered} on. */
  private void forgetUndelivered(Map<String, List<Routed>> byIncident, int firstUndelivered) {
    List<UUID> undelivered =
        byIncident.values().stream()
            .skip(firstUndelivered)
            .flatMap(List::stream)
            .map(Routed::id)
            .toList();
    try {
      alerts.deleteUnlinked(undelivered);
    } catch (RuntimeException e) {
      LOG.warn("Could not remove {} alerts Temporal refused; they stay unlinked: {}", undelivered.size(), e.getMessage());
    }
  }

  private static AlertNotice notice(Routed routed, Instant now) {
    ReceivedAlert alert = routed.alert().alert();
    return new AlertNotice(
        routed.id().toString(),
        alert.identity(),
        alert.status(),
        alert.severity(),
        alert.summary(),
        alert.link(),
        alert.startsAt() == null ? 0 : alert.startsAt().toEpochMilli(),
        now.toEpochMilli());
  }

  private NewAlert row(UUID id, String workflowId, RoutedAlert routed, Instant now) {
    ReceivedAlert alert = routed.alert();
    return new NewAlert(
        id,
        alert.source().id(),
        routed.dedupeKey(),
        alert.identity(),
        workflowId,
        routed.routeName(),
        alert.status().name(),
        alert.severity().name(),
        alert.summary(),
        write(alert.labels()),
        write(alert.annotations()),
        alert.startsAt(),
        alert.endsAt(),
        alert.link(),
        now,
        alert.rawJson());
  }

  private String write(Map<String, String> values) {
    try {
      return json.writeValueAsString(values == null ? Map.of() : values);
    } catch (IOException e) {
      throw new UncheckedIOException("labels cannot be written as JSON", e);
    }
  }

  private record Routed(UUID id, RoutedAlert alert) {}
}
