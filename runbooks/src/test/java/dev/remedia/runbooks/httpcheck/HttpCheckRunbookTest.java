package dev.remedia.runbooks.httpcheck;

import static dev.remedia.workflows.paging.FakePaging.level;
import static dev.remedia.workflows.paging.FakePaging.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.RecordedHistories;
import dev.remedia.runbooks.RecordingJournal;
import dev.remedia.workflows.paging.EscalationResult;
import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.EscalationWorkflowImpl;
import dev.remedia.workflows.paging.FakePaging;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageRequest;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import dev.remedia.workflows.probe.HttpProbeActivities.HttpProbeResult;
import dev.remedia.workflows.probe.HttpProbeActivities.TlsCertificate;
import dev.remedia.workflows.runbook.FailureType;
import dev.remedia.workflows.runbook.RunJournal;
import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.StepState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpCheckRunbookTest {

  private static final String QUEUE = "http-check-test";

  private final FakeHttpProbe probe = new FakeHttpProbe();
  private final RecordingJournal journal = new RecordingJournal();
  private TestWorkflowEnvironment env;
  private FakePaging paging;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    paging =
        new FakePaging(
            env::currentTimeMillis,
            plan(0, FinalAction.MARK_UNACKNOWLEDGED, level(300, List.of(PageChannel.SLACK), "alice")));
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(HttpCheckRunbookImpl.class, EscalationWorkflowImpl.class);
    worker.registerActivitiesImplementations(probe, journal);
    paging.registerOn(env, QUEUE, worker);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void httpsCheckReportsStatusLatencyAndCertificateExpiry() {
    Instant notAfter = Instant.ofEpochMilli(env.currentTimeMillis()).plus(Duration.ofDays(30)).plusSeconds(60);
    probe.then(new HttpProbeResult(200, 42, new TlsCertificate("CN=example.org", "CN=Test CA", notAfter)));

    HttpCheckResult result = check("http-check-https", new HttpCheckInput("https://example.org/", null, null, null, null));

    assertEquals(200, result.statusCode());
    assertEquals(42, result.latencyMillis());
    assertEquals("CN=example.org", result.certificate().subject());
    assertEquals(30, result.certificateDaysLeft());
    assertEquals(List.of("probe:SUCCEEDED", "certificate:SUCCEEDED"), journal.stepOutcomes());
    assertEquals("HTTP 200 in 42 ms", journal.step("probe").detail());
    assertTrue(journal.step("certificate").detail().contains("30 days left"));
    assertEquals(RunStatus.SUCCEEDED, journal.status());
    RecordedHistories.saveIfRequested(env.getWorkflowClient(), "http-check-https", "http-check-succeeded");
  }

  /** The starter writes the link too; carried in the run, it survives a read-model hiccup at the start. */
  @Test
  void aRunStartedAsARetryRecordsTheRunItRetriesWithItsStart() {
    probe.then(new HttpProbeResult(204, 7, null));
    HttpCheckRunbook retry =
        env.getWorkflowClient()
            .newWorkflowStub(
                HttpCheckRunbook.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("http-check-retry")
                    .setTaskQueue(QUEUE)
                    .setMemo(Map.of(RunJournal.RETRY_OF_MEMO, "http-check-failed"))
                    .build());

    retry.check(new HttpCheckInput("http://example.org/", null, null, null, null));

    assertEquals("http-check-failed", journal.start().retryOf());
  }

  @Test
  void plainHttpSkipsTheCertificateStepAndSaysWhy() {
    probe.then(new HttpProbeResult(204, 7, null));

    HttpCheckResult result = check("http-check-plain", new HttpCheckInput("http://example.org/", null, null, null, null));

    assertNull(result.certificate());
    assertEquals(List.of("probe:SUCCEEDED", "certificate:SKIPPED"), journal.stepOutcomes());
    assertEquals("plain HTTP: no certificate to inspect", journal.step("certificate").detail());
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUntilTheTargetAnswers() {
    probe
        .then(FailureType.UNREACHABLE.retryable("cannot connect: connection refused", null))
        .then(FailureType.SERVER_ERROR.retryable("server answered HTTP 503", null))
        .then(new HttpProbeResult(200, 5, null));

    HttpCheckResult result = check("http-check-flaky", new HttpCheckInput("http://example.org/", null, null, 4, null));

    assertEquals(200, result.statusCode());
    assertEquals(3, probe.attempts());
    assertEquals(RunStatus.SUCCEEDED, journal.status());
  }

  @Test
  void anUnreachableTargetFailsTheRunWithAReadableReasonAfterTheLastAttempt() {
    probe.then(FailureType.UNREACHABLE.retryable("cannot connect: connection refused", null));

    WorkflowFailedException failure =
        assertThrows(
            WorkflowFailedException.class,
            () -> check("http-check-down", new HttpCheckInput("http://example.org/", null, null, 3, null)));

    String expected = "http://example.org/: cannot connect: connection refused (gave up after 3 attempts)";
    assertEquals(expected, ((ApplicationFailure) failure.getCause()).getOriginalMessage());
    assertEquals(3, probe.attempts());
    assertEquals(RunStatus.FAILED, journal.status());
    assertEquals(expected, journal.outcome().failure());
    assertEquals(List.of("probe:FAILED"), journal.stepOutcomes());
    RecordedHistories.saveIfRequested(env.getWorkflowClient(), "http-check-down", "http-check-unreachable");
  }

  @Test
  void aPermanentFailureIsNotRetried() {
    probe.then(FailureType.UNEXPECTED_STATUS.permanent("server answered HTTP 404"));

    assertThrows(
        WorkflowFailedException.class,
        () -> check("http-check-404", new HttpCheckInput("http://example.org/missing", null, null, 5, null)));

    assertEquals(1, probe.attempts());
    assertEquals("http://example.org/missing: server answered HTTP 404", journal.outcome().failure());
    assertTrue(journal.recordedStep(StepState.FAILED));
  }

  @Test
  void aFailedCheckPagesTheInputsPolicyAndTheRunStillFails() {
    probe.then(FailureType.UNEXPECTED_STATUS.permanent("server answered HTTP 503"));

    assertThrows(
        WorkflowFailedException.class,
        () -> check("http-check-paging", new HttpCheckInput("http://example.org/", null, null, 1, "web-oncall")));

    assertEquals(List.of("probe:FAILED", "page web-oncall:SUCCEEDED"), journal.stepOutcomes());
    String escalationId = journal.step("page web-oncall").detail().replace("paging through ", "");
    assertTrue(escalationId.startsWith(EscalationWorkflow.workflowId("http-check-paging.page-")), escalationId);
    env.sleep(Duration.ofSeconds(30));
    WorkflowStub escalation = env.getWorkflowClient().newUntypedWorkflowStub(escalationId);
    escalation.signal(
        EscalationWorkflow.SETTLE_SIGNAL,
        new Settlement(SettleAction.ACKNOWLEDGE, "alice", "slack", env.currentTimeMillis(), true));
    EscalationResult paged = escalation.getResult(EscalationResult.class);

    assertEquals("alice", paged.settlement().by());
    PageRequest page = paging.sent().get(0).page();
    assertEquals("alice@SLACK", page.contact().address());
    assertNull(page.incidentId());
    assertEquals("http-check failed: http://example.org/: server answered HTTP 503", page.summary());
  }

  @Test
  void aFailedCheckWithoutAnEscalationPagesNobody() {
    probe.then(FailureType.UNEXPECTED_STATUS.permanent("server answered HTTP 503"));

    assertThrows(
        WorkflowFailedException.class,
        () -> check("http-check-quiet", new HttpCheckInput("http://example.org/", null, null, 1, null)));

    assertEquals(List.of("probe:FAILED"), journal.stepOutcomes());
    assertEquals(List.of(), paging.sent());
  }

  @Test
  void aRunCancelledDuringAStepIsRecordedAsCancelledNotFailed() throws Exception {
    probe.then(new HttpProbeResult(200, 1, null)).blockingFirstAttempt();
    HttpCheckRunbook runbook = stub("http-check-cancelled");
    WorkflowClient.start(runbook::check, new HttpCheckInput("http://example.org/", null, null, null, null));
    probe.awaitFirstAttempt();

    WorkflowStub.fromTyped(runbook).cancel();

    assertThrows(WorkflowFailedException.class, () -> WorkflowStub.fromTyped(runbook).getResult(HttpCheckResult.class));
    assertEquals(RunStatus.CANCELLED, journal.status());
    assertEquals(List.of("probe:CANCELLED"), journal.stepOutcomes());
  }

  private HttpCheckRunbook stub(String workflowId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            HttpCheckRunbook.class,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build());
  }

  private HttpCheckResult check(String workflowId, HttpCheckInput input) {
    return stub(workflowId).check(input);
  }
}
