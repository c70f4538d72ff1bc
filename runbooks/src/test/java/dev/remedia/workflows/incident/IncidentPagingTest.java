package dev.remedia.workflows.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.CachelessEnvironment;
import dev.remedia.runbooks.RecordedHistories;
import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.EscalationPlan;
import dev.remedia.workflows.paging.EscalationResult;
import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.EscalationWorkflowImpl;
import dev.remedia.workflows.paging.FakePaging;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageTarget;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import dev.remedia.workflows.paging.TargetKind;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.StartChildWorkflowExecutionInitiatedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An incident whose route names an escalation policy, with the real escalation workflow beside it:
 * acknowledgements and resolutions from either side reach the other exactly once.
 */
@Timeout(60)
class IncidentPagingTest {

  private static final String QUEUE = "incident-paging-test";
  private static final String KEY = "{}:{alertname=\"HostDown\"}";
  private static final RouteDecision PAGING = new RouteDecision("host-down", null, null, null, "default");

  private final RecordingIncidentJournal journal = new RecordingIncidentJournal();
  private final AtomicInteger alertIds = new AtomicInteger();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakePaging paging;

  @BeforeEach
  void startEnvironment() {
    env = CachelessEnvironment.newInstance();
    EscalationLevel alice =
        new EscalationLevel(
            List.of(new PageTarget(TargetKind.PERSON, "alice")), List.of(PageChannel.SLACK), 300);
    paging =
        new FakePaging(
            env::currentTimeMillis,
            new EscalationPlan("default", List.of(alice), 3, FinalAction.MARK_UNACKNOWLEDGED, null, "4821"));
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(IncidentWorkflowImpl.class, EscalationWorkflowImpl.class);
    worker.registerActivitiesImplementations(journal);
    paging.registerOn(env, QUEUE, worker);
    env.start();
    client = env.getWorkflowClient();
  }

  private StartChildWorkflowExecutionInitiatedEventAttributes escalationStart() {
    return client.fetchHistory(IncidentWorkflow.workflowId("alertmanager", KEY)).getEvents().stream()
        .filter(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes)
        .findFirst()
        .orElseThrow()
        .getStartChildWorkflowExecutionInitiatedEventAttributes();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aPageAnsweredInSlackAcknowledgesTheIncidentAndSaysWhoAndHow() {
    deliver(AlertStatus.FIRING);
    env.sleep(Duration.ofSeconds(30));
    String incidentId = journal.latest().incidentId();
    String escalationId = EscalationWorkflow.workflowId(incidentId);
    client.newUntypedWorkflowStub(escalationId).signal(EscalationWorkflow.SETTLE_SIGNAL, settlement(SettleAction.ACKNOWLEDGE, "alice", "slack", true));
    client.newUntypedWorkflowStub(escalationId).getResult(EscalationResult.class);
    env.sleep(Duration.ofSeconds(5));

    IncidentJournalActivities.IncidentRecord incident = journal.latest();
    assertEquals(IncidentStatus.ACKNOWLEDGED, incident.status());
    assertEquals("alice", incident.acknowledgedBy());
    assertEquals("slack", incident.acknowledgedVia());
    assertEquals(escalationId, incident.escalationId());
    assertEquals("default", incident.escalationPolicy());
    assertEquals(Duration.ofSeconds(30).toMillis(), incident.acknowledgedAtMillis() - incident.openedAtMillis(), 1_000);
    assertEquals(List.of("opened", "paging-started", "acknowledged"), journal.eventKinds(incidentId));
    assertEquals(List.of("alice@SLACK"), paging.addresses());
    // Paging goes ahead of other work on the queue; its sends inherit the escalation's priority.
    assertEquals(1, escalationStart().getPriority().getPriorityKey());
    RecordedHistories.saveIfRequested(client, IncidentWorkflow.workflowId("alertmanager", KEY), "incident-acknowledged-from-a-page");
  }

  @Test
  void anAcknowledgementThroughTheApiStopsThePagingOnce() {
    deliver(AlertStatus.FIRING);
    env.sleep(Duration.ofMinutes(6));
    String incidentId = journal.latest().incidentId();
    incident().signal(IncidentWorkflow.SETTLE_SIGNAL, incidentId, settlement(SettleAction.ACKNOWLEDGE, "bob", "api", false));
    incident().signal(IncidentWorkflow.SETTLE_SIGNAL, incidentId, settlement(SettleAction.ACKNOWLEDGE, "carol", "api", false));
    EscalationResult result =
        client.newUntypedWorkflowStub(EscalationWorkflow.workflowId(incidentId)).getResult(EscalationResult.class);
    env.sleep(Duration.ofHours(1));

    assertEquals("bob", result.settlement().by());
    assertEquals(1, paging.settled().size());
    assertEquals(List.of("alice@SLACK", "alice@SLACK"), paging.addresses());
    assertEquals("bob", journal.latest().acknowledgedBy());
  }

  @Test
  void theMonitorResolvingStopsPagingAndARefireInsideTheFlapWindowPagesAgain() {
    deliver(AlertStatus.FIRING);
    env.sleep(Duration.ofSeconds(10));
    String incidentId = journal.latest().incidentId();
    deliver(AlertStatus.RESOLVED);
    EscalationResult first =
        client.newUntypedWorkflowStub(EscalationWorkflow.workflowId(incidentId)).getResult(EscalationResult.class);

    assertEquals(SettleAction.RESOLVE, first.settlement().action());
    assertEquals("monitor", first.settlement().via());
    assertEquals(List.of("alice@SLACK"), paging.addresses());

    deliver(AlertStatus.FIRING);
    env.sleep(Duration.ofSeconds(10));

    assertEquals(List.of("alice@SLACK", "alice@SLACK"), paging.addresses());
    assertEquals(EscalationWorkflow.workflowId(incidentId + ".2"), journal.latest().escalationId());
    assertEquals(
        List.of("opened", "paging-started", "resolved", "reopened", "paging-started"),
        journal.eventKinds(incidentId));
  }

  @Test
  void aSettlementMeantForAnotherIncidentChangesNothing() {
    deliver(AlertStatus.FIRING);
    env.sleep(Duration.ofSeconds(10));
    incident().signal(IncidentWorkflow.SETTLE_SIGNAL, "an-incident-that-closed", settlement(SettleAction.RESOLVE, "bob", "api", false));
    env.sleep(Duration.ofSeconds(10));

    assertEquals(IncidentStatus.OPEN, journal.latest().status());
    assertTrue(paging.settled().isEmpty());
  }

  private Settlement settlement(SettleAction action, String by, String via, boolean fromPage) {
    return new Settlement(action, by, via, env.currentTimeMillis(), fromPage);
  }

  private WorkflowStub incident() {
    return client.newUntypedWorkflowStub(IncidentWorkflow.workflowId("alertmanager", KEY));
  }

  private void deliver(AlertStatus status) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            IncidentWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(IncidentWorkflow.workflowId("alertmanager", KEY))
                .setTaskQueue(QUEUE)
                .build());
    AlertNotice alert =
        new AlertNotice(
            "alert-" + alertIds.incrementAndGet(), "host-a", status, Severity.CRITICAL,
            "HostDown on host-a", null, 1_000 + alertIds.get(), 0);
    AlertBatch batch = new AlertBatch("alertmanager", KEY, PAGING, 300, List.of(alert));
    stub.signalWithStart(IncidentWorkflow.ALERTS_SIGNAL, new Object[] {batch}, new Object[] {null});
  }
}
