package dev.remedia.workflows.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.CachelessEnvironment;
import dev.remedia.runbooks.RecordedHistories;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import dev.remedia.workflows.runbook.RunClaimActivities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The incident workflow with time skipping. The worker keeps no workflow cache, so every workflow task
 * replays the history from the start: each test also proves that a process dying between any two
 * steps changes nothing.
 */
@Timeout(60)
class IncidentWorkflowTest {

  private static final String QUEUE = "incident-test";
  private static final String KEY = "{}:{alertname=\"HostDown\"}";
  private static final long FLAP_SECONDS = 300;

  private final RecordingIncidentJournal journal = new RecordingIncidentJournal();
  private final AtomicInteger alertIds = new AtomicInteger();
  private final Map<String, String> claimHolders = new ConcurrentHashMap<>();
  private final RunClaimActivities claims =
      claim -> claimHolders.computeIfAbsent(claim.key(), key -> claim.runId());
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private Duration workflowTaskTimeout = Duration.ofSeconds(10);

  @BeforeEach
  void startEnvironment() {
    env = CachelessEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(IncidentWorkflowImpl.class, EchoRunbook.Impl.class);
    worker.registerActivitiesImplementations(journal, claims);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aFiringAlertOpensAnIncidentAndLaterRepeatsFoldIntoIt() {
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.WARNING)));
    env.sleep(Duration.ofMinutes(10));
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    env.sleep(Duration.ofSeconds(1));

    assertEquals(1, journal.incidentIds().size());
    IncidentJournalActivities.IncidentRecord incident = journal.latest();
    assertEquals(IncidentStatus.OPEN, incident.status());
    assertEquals(2, incident.alertCount());
    assertEquals(0, incident.duplicateCount());
    assertEquals(1, incident.firingCount());
    assertEquals(Severity.CRITICAL, incident.severity());
    assertTrue(incident.lastSeenAtMillis() >= incident.openedAtMillis() + Duration.ofMinutes(10).toMillis());
    assertEquals("HostDown on host-a", incident.summary());
    assertEquals(List.of("opened"), journal.eventKinds(incident.incidentId()));
  }

  @Test
  void theSameNotificationTwiceFromAnHaPairIsCountedOnceAndFlaggedDuplicate() {
    AlertBatch notification = batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL));
    AlertBatch fromThePeer = sameAlertsNewIds(notification);
    deliver(notification);
    deliver(fromThePeer);
    env.sleep(Duration.ofSeconds(1));

    IncidentJournalActivities.IncidentRecord incident = journal.latest();
    assertEquals(1, journal.incidentIds().size());
    assertEquals(1, incident.alertCount());
    assertEquals(1, incident.duplicateCount());
    assertEquals(
        fromThePeer.alerts().get(0).alertId(),
        journal.records().stream().flatMap(r -> r.duplicateAlertIds().stream()).findFirst().orElseThrow());
  }

  @Test
  void resolvedClosesTheIncidentOnlyAfterTheFlapWindow() {
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    deliver(batch(RouteDecision.unrouted(), resolved("host-a")));
    env.sleep(Duration.ofSeconds(FLAP_SECONDS - 10));

    assertEquals(IncidentStatus.RESOLVED, journal.latest().status());
    assertTrue(journal.latest().resolvedAtMillis() > 0);

    env.sleep(Duration.ofSeconds(20));

    IncidentJournalActivities.IncidentRecord incident = journal.latest();
    assertEquals(IncidentStatus.CLOSED, incident.status());
    assertEquals(List.of("opened", "resolved", "closed"), journal.eventKinds(incident.incidentId()));
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, status());
    RecordedHistories.saveIfRequested(client, workflowId(), "incident-resolved-and-closed");
  }

  @Test
  void aReFireInsideTheFlapWindowReopensTheSameIncident() {
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    deliver(batch(RouteDecision.unrouted(), resolved("host-a")));
    env.sleep(Duration.ofMinutes(2));
    deliver(batch(RouteDecision.unrouted(), firingStartedAt("host-a", 5_000)));
    env.sleep(Duration.ofSeconds(FLAP_SECONDS * 2));

    assertEquals(1, journal.incidentIds().size());
    IncidentJournalActivities.IncidentRecord incident = journal.latest();
    assertEquals(IncidentStatus.OPEN, incident.status());
    assertEquals(0, incident.resolvedAtMillis());
    assertEquals(List.of("opened", "resolved", "reopened"), journal.eventKinds(incident.incidentId()));
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status());
  }

  @Test
  void aTriggerAfterTheIncidentClosedOpensANewOne() {
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    deliver(batch(RouteDecision.unrouted(), resolved("host-a")));
    env.sleep(Duration.ofSeconds(FLAP_SECONDS + 10));
    deliver(batch(RouteDecision.unrouted(), firingStartedAt("host-a", 9_000)));
    env.sleep(Duration.ofSeconds(1));

    List<String> incidents = journal.incidentIds();
    assertEquals(2, incidents.size());
    assertEquals(IncidentStatus.CLOSED, journal.latest(incidents.get(0)).status());
    assertEquals(IncidentStatus.OPEN, journal.latest(incidents.get(1)).status());
  }

  @Test
  void anIncidentResolvesOnlyWhenEveryAlertOfItsGroupHasResolved() {
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL), firing("host-b", Severity.CRITICAL)));
    deliver(batch(RouteDecision.unrouted(), resolved("host-a"), firing("host-b", Severity.CRITICAL)));
    env.sleep(Duration.ofSeconds(1));
    assertEquals(IncidentStatus.OPEN, journal.latest().status());
    assertEquals(1, journal.latest().firingCount());

    deliver(batch(RouteDecision.unrouted(), resolved("host-a"), resolved("host-b")));
    env.sleep(Duration.ofSeconds(1));
    assertEquals(IncidentStatus.RESOLVED, journal.latest().status());
  }

  @Test
  void anAcknowledgementFromTheMonitorIsRecordedOnce() {
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    env.sleep(Duration.ofMinutes(3));
    deliver(batch(RouteDecision.unrouted(), notice("host-a", AlertStatus.ACKNOWLEDGED, Severity.UNKNOWN, 0)));
    env.sleep(Duration.ofMinutes(1));
    deliver(batch(RouteDecision.unrouted(), notice("host-a", AlertStatus.ACKNOWLEDGED, Severity.UNKNOWN, 1)));
    env.sleep(Duration.ofSeconds(1));

    IncidentJournalActivities.IncidentRecord incident = journal.latest();
    assertEquals(IncidentStatus.ACKNOWLEDGED, incident.status());
    assertEquals(Duration.ofMinutes(3).toMillis(), incident.acknowledgedAtMillis() - incident.openedAtMillis(), 1_000);
    assertEquals(List.of("opened", "acknowledged"), journal.eventKinds(incident.incidentId()));
  }

  @Test
  void theRoutedRunbookStartsOnceWithTheRoutedInputAndIsLinkedFirst() {
    RouteDecision route =
        new RouteDecision("host-down", "echo", Map.of("host", "host-a"), null, null);
    String first = deliver(batch(route, firing("host-a", Severity.CRITICAL)));
    deliver(batch(route, firingStartedAt("host-a", 7_000)));
    env.sleep(Duration.ofMinutes(1));

    assertEquals(1, journal.runs().size());
    IncidentJournalActivities.RunLink run = journal.runs().get(0);
    assertEquals("echo", run.runbook());
    assertEquals(journal.latest().incidentId(), run.incidentId());
    assertEquals(Map.of("host", "host-a"), client.newUntypedWorkflowStub(run.runId()).getResult(Map.class));
    assertEquals(List.of("opened", "runbook-started"), journal.eventKinds(run.incidentId()));
    assertEquals("host-down", journal.latest().route());
    assertTrue(first.startsWith("incident/alertmanager/"));
    RecordedHistories.saveIfRequested(client, workflowId(), "incident-started-runbook");
  }

  @Test
  void anExclusiveRunbookAlreadyRunningForTheKeyIsJoinedNotStartedAgain() {
    claimHolders.put("echo:host-a", "echo-started-by-hand");
    RouteDecision route =
        new RouteDecision("host-down", "echo", Map.of("host", "host-a"), null, null, "echo:host-a");
    deliver(batch(route, firing("host-a", Severity.CRITICAL)));
    env.sleep(Duration.ofSeconds(1));

    assertTrue(journal.runs().isEmpty());
    String incidentId = journal.latest().incidentId();
    assertEquals(List.of("opened", "runbook-joined"), journal.eventKinds(incidentId));
    assertTrue(
        journal.records().stream()
            .flatMap(record -> record.events().stream())
            .anyMatch(event -> event.detail().equals("echo-started-by-hand already runs for echo:host-a")));
  }

  @Test
  void anExclusiveRunbookWithAFreeKeyStartsAndHoldsIt() {
    RouteDecision route =
        new RouteDecision("host-down", "echo", Map.of("host", "host-b"), null, null, "echo:host-b");
    deliver(batch(route, firing("host-b", Severity.CRITICAL)));
    env.sleep(Duration.ofSeconds(1));

    assertEquals(1, journal.runs().size());
    assertEquals(journal.runs().get(0).runId(), claimHolders.get("echo:host-b"));
  }

  @Test
  void aRouteWhoseInputCouldNotBeBuiltOpensTheIncidentAndSaysWhyNoRunStarted() {
    RouteDecision route =
        new RouteDecision("host-down", "echo", null, "label 'instance' is not set on the alert", null);
    deliver(batch(route, firing("host-a", Severity.CRITICAL)));
    env.sleep(Duration.ofSeconds(1));

    assertTrue(journal.runs().isEmpty());
    String incidentId = journal.latest().incidentId();
    assertEquals(List.of("opened", "runbook-not-started"), journal.eventKinds(incidentId));
    assertTrue(
        journal.records().stream()
            .flatMap(record -> record.events().stream())
            .anyMatch(event -> event.detail().equals("echo: label 'instance' is not set on the alert")));
  }

  @Test
  void aLongIncidentContinuesAsNewWithoutLosingCountsOrAlerts() {
    String firstRun = null;
    int deliveries = 700;
    for (int i = 0; i < deliveries; i++) {
      deliver(batch(RouteDecision.unrouted(), firingStartedAt("host-a", i + 1)));
      if (firstRun == null) {
        firstRun = client.newUntypedWorkflowStub(workflowId()).getExecution().getRunId();
      }
    }
    env.sleep(Duration.ofSeconds(1));

    IncidentJournalActivities.IncidentRecord incident = journal.latest();
    assertEquals(1, journal.incidentIds().size());
    assertEquals(deliveries, incident.alertCount());
    assertEquals(deliveries, journal.alertIds(incident.incidentId()).size());
    assertNotEquals(firstRun, client.newUntypedWorkflowStub(workflowId()).describe().getExecution().getRunId());
  }

  /**
   * A signal that reaches the server while the closing workflow task is in flight makes the server
   * refuse the completion; the task runs again with the alert, which reopens the incident. The close
   * write already reached the read model, so the reopening write must carry a later sequence number.
   */
  @Test
  void anAlertArrivingWhileTheCloseIsCommittedReopensTheIncidentAndTheReadModelFollows() {
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    deliver(batch(RouteDecision.unrouted(), resolved("host-a")));
    AlertBatch refire = batch(RouteDecision.unrouted(), firingStartedAt("host-a", 4_000));
    signalWhileClosing(refire, Duration.ZERO);
    env.sleep(Duration.ofSeconds(FLAP_SECONDS + 10));

    assertEquals(1, journal.incidentIds().size());
    IncidentJournalActivities.IncidentRecord closed =
        journal.records().stream().filter(r -> r.status() == IncidentStatus.CLOSED).findFirst().orElseThrow();
    IncidentJournalActivities.IncidentRecord reopened = journal.latest();
    assertEquals(IncidentStatus.OPEN, reopened.status());
    assertTrue(reopened.seq() > closed.seq(), "the rerun's write outranks the refused task's");
    assertTrue(journal.alertIds(reopened.incidentId()).contains(refire.alerts().get(0).alertId()));
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status());
    RecordedHistories.saveIfRequested(client, workflowId(), "incident-reopened-while-closing");
  }

  /**
   * A close write slow enough for the workflow task to heartbeat lets alerts in after the incident has
   * closed for good: they open the next incident in a new execution instead of being dropped.
   */
  @Test
  void alertsArrivingAfterTheIncidentClosedOpenTheNextIncident() {
    heartbeatSlowWorkflowTasksQuickly();
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    deliver(batch(RouteDecision.unrouted(), resolved("host-a")));
    AlertBatch refire = batch(RouteDecision.unrouted(), firingStartedAt("host-a", 4_000));
    signalWhileClosing(refire, Duration.ofSeconds(3));
    env.sleep(Duration.ofSeconds(FLAP_SECONDS + 10));

    List<String> incidents = journal.incidentIds();
    assertEquals(2, incidents.size());
    assertEquals(IncidentStatus.CLOSED, journal.latest(incidents.get(0)).status());
    assertEquals(IncidentStatus.OPEN, journal.latest(incidents.get(1)).status());
    assertEquals(List.of(refire.alerts().get(0).alertId()), journal.alertIds(incidents.get(1)));
  }

  @Test
  void aResolutionArrivingAfterTheCloseIsLinkedToTheClosedIncident() {
    heartbeatSlowWorkflowTasksQuickly();
    deliver(batch(RouteDecision.unrouted(), firing("host-a", Severity.CRITICAL)));
    deliver(batch(RouteDecision.unrouted(), resolved("host-a")));
    AlertBatch late = batch(RouteDecision.unrouted(), notice("host-a", AlertStatus.RESOLVED, Severity.UNKNOWN, 1));
    signalWhileClosing(late, Duration.ofSeconds(3));
    env.sleep(Duration.ofSeconds(FLAP_SECONDS + 10));

    String closed = journal.incidentIds().get(0);
    assertEquals(1, journal.incidentIds().size());
    assertEquals(List.of(late.alerts().get(0).alertId()), journal.linkedAlerts(closed));
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, status());
  }

  /** A slow journal write then makes the workflow task heartbeat, and take signals, within a test. */
  private void heartbeatSlowWorkflowTasksQuickly() {
    workflowTaskTimeout = Duration.ofSeconds(1);
  }

  /** Sends {@code batch} from inside the journal write that closes the incident, then holds the write. */
  private void signalWhileClosing(AlertBatch batch, Duration holdWrite) {
    AtomicBoolean sent = new AtomicBoolean();
    journal.whileRecording(
        record -> {
          if (record.status() == IncidentStatus.CLOSED && sent.compareAndSet(false, true)) {
            client.newUntypedWorkflowStub(workflowId()).signal(IncidentWorkflow.ALERTS_SIGNAL, batch);
            sleep(holdWrite);
          }
        });
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String deliver(AlertBatch batch) {
    String workflowId = workflowId();
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            IncidentWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(QUEUE)
                .setWorkflowTaskTimeout(workflowTaskTimeout)
                .build());
    stub.signalWithStart(IncidentWorkflow.ALERTS_SIGNAL, new Object[] {batch}, new Object[] {null});
    return workflowId;
  }

  private static String workflowId() {
    return IncidentWorkflow.workflowId("alertmanager", KEY);
  }

  private WorkflowExecutionStatus status() {
    return client.newUntypedWorkflowStub(workflowId()).describe().getStatus();
  }

  private AlertBatch batch(RouteDecision route, AlertNotice... alerts) {
    return new AlertBatch("alertmanager", KEY, route, FLAP_SECONDS, List.of(alerts));
  }

  private AlertBatch sameAlertsNewIds(AlertBatch batch) {
    List<AlertNotice> copies = new ArrayList<>();
    for (AlertNotice alert : batch.alerts()) {
      copies.add(
          new AlertNotice(
              "alert-" + alertIds.incrementAndGet(), alert.identity(), alert.status(), alert.severity(),
              alert.summary(), alert.link(), alert.startsAtMillis(), alert.receivedAtMillis()));
    }
    return new AlertBatch(batch.source(), batch.dedupeKey(), batch.route(), batch.flapWindowSeconds(), copies);
  }

  private AlertNotice firing(String host, Severity severity) {
    return notice(host, AlertStatus.FIRING, severity, 1_000);
  }

  private AlertNotice firingStartedAt(String host, long startsAtMillis) {
    return notice(host, AlertStatus.FIRING, Severity.CRITICAL, startsAtMillis);
  }

  private AlertNotice resolved(String host) {
    return notice(host, AlertStatus.RESOLVED, Severity.UNKNOWN, 1_000);
  }

  private AlertNotice notice(String host, AlertStatus status, Severity severity, long startsAtMillis) {
    return new AlertNotice(
        "alert-" + alertIds.incrementAndGet(), host, status, severity, "HostDown on " + host,
        "http://prometheus/graph", startsAtMillis, 0);
  }
}
