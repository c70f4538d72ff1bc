package dev.remedia.runbooks.certrenewal;

import static dev.remedia.workflows.paging.FakePaging.level;
import static dev.remedia.workflows.paging.FakePaging.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.CachelessEnvironment;
import dev.remedia.runbooks.RecordedHistories;
import dev.remedia.runbooks.RecordingJournal;
import dev.remedia.workflows.approval.ApprovalWorkflow;
import dev.remedia.workflows.approval.ApprovalWorkflowImpl;
import dev.remedia.workflows.approval.Ballot;
import dev.remedia.workflows.approval.FakeApprovals;
import dev.remedia.workflows.approval.Vote;
import dev.remedia.workflows.certs.AcmeActivities.RenewalWindow;
import dev.remedia.workflows.certs.ChallengeType;
import dev.remedia.workflows.paging.EscalationWorkflowImpl;
import dev.remedia.workflows.paging.FakePaging;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PacedQueue;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.runbook.FailureType;
import dev.remedia.workflows.runbook.RunStatus;
import com.google.protobuf.util.Timestamps;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cert-renewal runbook with a fake CA, deploy target and endpoint, in skipped time, no cache. */
@Timeout(60)
class CertRenewalRunbookTest {

  private static final String QUEUE = "cert-renewal-test";

  private final RecordingJournal journal = new RecordingJournal();
  private final FakeApprovals approvals = new FakeApprovals(Map.of("web-leads", List.of("alice", "bob")));
  private TestWorkflowEnvironment env;
  private FakeEndpoint endpoint;
  private FakePaging paging;

  @BeforeEach
  void startEnvironment() {
    // No workflow cache: every workflow task replays the history, as after a worker restart.
    env = CachelessEnvironment.newInstance();
    endpoint = new FakeEndpoint(env::currentTimeMillis);
    paging =
        new FakePaging(
            env::currentTimeMillis,
            plan(0, FinalAction.MARK_UNACKNOWLEDGED, level(300, List.of(PageChannel.SLACK), "alice")));
    register(env.newWorker(QUEUE));
    PacedQueue.newWorker(env.getWorkerFactory(), QUEUE).registerActivitiesImplementations(paging);
    env.start();
  }

  private void register(Worker worker) {
    worker.registerWorkflowImplementationTypes(
        CertRenewalRunbookImpl.class, EscalationWorkflowImpl.class, ApprovalWorkflowImpl.class);
    worker.registerActivitiesImplementations(endpoint, journal, paging, approvals);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aCertificateNotYetDueIsLeftAlone() {
    CertRenewalResult result = renew("cert-renewal-not-due", input(false, null, null));

    assertFalse(result.renewed());
    assertTrue(result.reason().startsWith("not due until "), result.reason());
    assertEquals(List.of("probe:SUCCEEDED", "order:SKIPPED"), journal.stepOutcomes());
    assertEquals(0, endpoint.orders.get());
    RecordedHistories.saveIfRequested(env.getWorkflowClient(), "cert-renewal-not-due", "cert-renewal-not-due");
  }

  @Test
  void aDueCertificateIsOrderedDeployedVerifiedOnTheEndpointAndRecorded() {
    endpoint.servingCertificateAged(Duration.ofDays(61), Duration.ofDays(90));

    CertRenewalResult result = renew("cert-renewal-renewed", input(false, null, null));

    assertTrue(result.renewed());
    assertEquals(FakeEndpoint.OLD_SERIAL, result.previousSerial());
    assertEquals(FakeEndpoint.NEW_SERIAL, result.servedSerial());
    assertTrue(result.reason().startsWith("past two thirds of its lifetime"), result.reason());
    assertEquals(
        List.of("probe:SUCCEEDED", "order:SUCCEEDED", "deploy:SUCCEEDED", "verify:SUCCEEDED", "record:SUCCEEDED"),
        journal.stepOutcomes());
    assertTrue(journal.step("verify").detail().contains("serves serial ff01"), journal.step("verify").detail());
    assertEquals(1, endpoint.records.size());
    assertEquals("cert-renewal-renewed", endpoint.records.get(0).runId());
    assertEquals(FakeEndpoint.NEW_SERIAL, endpoint.records.get(0).served().serial());
    RecordedHistories.saveIfRequested(env.getWorkflowClient(), "cert-renewal-renewed", "cert-renewal-renewed");
  }

  @Test
  void forceRenewsACertificateThatIsNotDue() {
    CertRenewalResult result = renew("cert-renewal-forced", input(true, null, null));

    assertTrue(result.renewed());
    assertEquals("forced", result.reason());
    assertEquals(1, endpoint.orders.get());
  }

  @Test
  void theCasRenewalWindowDecidesWhenItOffersOne() {
    Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
    endpoint.withRenewalWindow(new RenewalWindow(now.minusSeconds(60), now.plus(Duration.ofDays(2))));

    CertRenewalResult result = renew("cert-renewal-ari", input(false, null, null));

    assertTrue(result.renewed());
    assertTrue(result.reason().startsWith("inside the CA's renewal window"), result.reason());
  }

  @Test
  void anUnknownDeployTargetFailsBeforeAnythingIsOrdered() {
    CertRenewalInput input =
        new CertRenewalInput("web.example.org:443", null, null, null, "nowhere", true, null, null, null, null);

    assertThrows(WorkflowFailedException.class, () -> renew("cert-renewal-bad-target", input));

    assertEquals("no deploy target named 'nowhere'", journal.outcome().failure());
    assertEquals(0, endpoint.orders.get());
  }

  @Test
  void aCaThatStaysDownIsRetriedWithBackoffUntilTheMarginBeforeExpiryThenTheRunFails() {
    caDownTwoDaysBeforeExpiry();

    assertThrows(WorkflowFailedException.class, () -> renew("cert-renewal-ca-down", input(false, null, null, 24)));

    long waited = runMillis("cert-renewal-ca-down");
    // Retrying stops when the next attempt would start past the deadline: up to one backoff (an hour) early.
    assertTrue(waited >= Duration.ofHours(22).toMillis() && waited <= Duration.ofHours(24).toMillis(), "waited " + waited);
    // Backoff: 10 s doubling to at most an hour, so about 30 attempts in a day, not thousands.
    assertTrue(endpoint.orders.get() > 10 && endpoint.orders.get() < 40, "attempts " + endpoint.orders.get());
    String failure = journal.outcome().failure();
    assertTrue(failure.startsWith("no certificate from the CA by "), failure);
    assertTrue(failure.endsWith("last error: cannot reach the ACME directory: connection refused"), failure);
    assertEquals(List.of("probe:SUCCEEDED", "order:FAILED"), journal.stepOutcomes());
    RecordedHistories.saveIfRequested(env.getWorkflowClient(), "cert-renewal-ca-down", "cert-renewal-ca-down");
  }

  @Test
  void aRenewalThatGivesUpNearExpiryPagesTheEscalationPolicy() {
    caDownTwoDaysBeforeExpiry();

    assertThrows(
        WorkflowFailedException.class, () -> renew("cert-renewal-ca-down-paging", input(false, null, "web-oncall", 24)));

    assertEquals(List.of("probe:SUCCEEDED", "order:FAILED", "page web-oncall:SUCCEEDED"), journal.stepOutcomes());
    env.sleep(Duration.ofSeconds(30));
    String summary = paging.sent().get(0).page().summary();
    assertTrue(summary.startsWith("cert-renewal of web.example.org:443 failed: no certificate from the CA by "), summary);
  }

  /** 88 of 90 days: two days left, so a 24 h margin leaves one day of retries. */
  private void caDownTwoDaysBeforeExpiry() {
    endpoint
        .servingCertificateAged(Duration.ofDays(88), Duration.ofDays(90))
        .orderFailsWith(FailureType.UNREACHABLE.retryable("cannot reach the ACME directory: connection refused", null));
  }

  @Test
  void aFailedChallengeIsNotRetried() {
    endpoint
        .servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90))
        .orderFailsWith(
            FailureType.CHALLENGE_FAILED.permanent(
                "web.example.org: http-01 challenge invalid: The key authorization file from the server did not match"));

    assertThrows(WorkflowFailedException.class, () -> renew("cert-renewal-challenge", input(false, null, null)));

    assertEquals(1, endpoint.orders.get());
    assertEquals(
        "order failed: web.example.org: http-01 challenge invalid: The key authorization file from the server did not match",
        journal.outcome().failure());
    assertEquals(0, endpoint.deploys.get());
  }

  @Test
  void aFailingReloadRollsBackAndFailsWithTheReason() {
    endpoint
        .servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90))
        .deployFailsWith(FailureType.DEPLOY_FAILED.permanent("reload command exited with 1: nginx: [emerg] bad config"));

    assertThrows(WorkflowFailedException.class, () -> renew("cert-renewal-reload-fails", input(false, null, null)));

    assertEquals(
        List.of("probe:SUCCEEDED", "order:SUCCEEDED", "deploy:FAILED", "rollback:SUCCEEDED"), journal.stepOutcomes());
    assertEquals(
        "deploy failed: reload command exited with 1: nginx: [emerg] bad config; rolled back to the previous certificate",
        journal.outcome().failure());
    assertEquals(1, endpoint.rollbacks.get());
  }

  @Test
  void anEndpointStillServingTheOldCertificateIsRolledBackAndTheRunFailsWithTheReason() {
    endpoint.servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90)).keepsServingTheOldCertificate();

    assertThrows(WorkflowFailedException.class, () -> renew("cert-renewal-rolled-back", input(false, null, null)));

    assertEquals(
        List.of("probe:SUCCEEDED", "order:SUCCEEDED", "deploy:SUCCEEDED", "verify:FAILED", "rollback:SUCCEEDED"),
        journal.stepOutcomes());
    assertEquals(
        "web.example.org:443 still served serial 0a1b, not the new serial ff01, after 30 s; rolled back to the previous certificate",
        journal.outcome().failure());
    long waited = runMillis("cert-renewal-rolled-back");
    assertTrue(waited >= 27_000 && waited < 40_000, "verified for " + waited + " ms");
    assertTrue(endpoint.probes.get() >= 9, "probes " + endpoint.probes.get());
    assertTrue(endpoint.records.isEmpty());
    assertEquals(FakeEndpoint.OLD_SERIAL, endpoint.served());
    RecordedHistories.saveIfRequested(env.getWorkflowClient(), "cert-renewal-rolled-back", "cert-renewal-rolled-back");
  }

  @Test
  void aRolledBackRenewalPagesTheEscalationPolicy() {
    endpoint.servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90)).keepsServingTheOldCertificate();

    assertThrows(
        WorkflowFailedException.class, () -> renew("cert-renewal-rolled-back-paging", input(false, null, "web-oncall")));

    assertEquals("page web-oncall:SUCCEEDED", journal.stepOutcomes().get(journal.stepOutcomes().size() - 1));
    env.sleep(Duration.ofSeconds(30));
    assertTrue(paging.sent().get(0).page().summary().endsWith("rolled back to the previous certificate"));
  }

  /**
   * A worker that dies after the deploy loses its in-flight verification probe and everything it held
   * in memory. With no workflow cache every workflow task is rebuilt from history alone, and the lost
   * probe times out: the run goes on verifying from what history says (ordered, deployed), and never
   * orders or deploys again. (Java's test server cannot hand a dead worker's tasks to a new worker:
   * it gives the next task to the dead worker's last poll and never takes it back.)
   */
  @Test
  void aRunWhoseWorkerDiesBetweenDeployAndVerifyResumesVerifyingWithoutOrderingAgain() throws Exception {
    endpoint.servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90));
    CountDownLatch workerGone = new CountDownLatch(1);
    endpoint.holdingTheFirstProbeAfterDeploy(workerGone);
    CertRenewalRunbook run = stub("cert-renewal-crash");
    WorkflowClient.start(run::renew, input(false, null, null));
    endpoint.awaitProbeAfterDeploy();

    try {
      CertRenewalResult result = WorkflowStub.fromTyped(run).getResult(CertRenewalResult.class);

      assertTrue(result.renewed());
      assertEquals(FakeEndpoint.NEW_SERIAL, result.servedSerial());
      assertEquals(1, endpoint.orders.get());
      assertEquals(1, endpoint.deploys.get());
      assertEquals(RunStatus.SUCCEEDED, journal.status());
      assertEquals(
          List.of("probe:SUCCEEDED", "order:SUCCEEDED", "deploy:SUCCEEDED", "verify:SUCCEEDED", "record:SUCCEEDED"),
          journal.stepOutcomes());
    } finally {
      workerGone.countDown();
    }
  }

  @Test
  void anApprovalIsAskedBeforeTheDeployAndARejectionDeploysNothing() {
    endpoint.servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90));
    CertRenewalRunbook run = stub("cert-renewal-rejected");
    WorkflowClient.start(run::renew, input(false, "web-leads", null));
    env.sleep(Duration.ofSeconds(5));

    env.getWorkflowClient()
        .newWorkflowStub(ApprovalWorkflow.class, ApprovalWorkflow.workflowId(approvals.opened().get(0)))
        .decide(new Ballot("bob", Vote.REJECT, "change freeze", "api"));

    assertThrows(WorkflowFailedException.class, () -> WorkflowStub.fromTyped(run).getResult(CertRenewalResult.class));
    assertEquals(
        List.of("probe:SUCCEEDED", "order:SUCCEEDED", "approval: Deploy a new certificate to web.example.org:443:SUCCEEDED"),
        journal.stepOutcomes());
    assertEquals("not approved: REJECTED by bob via api: change freeze", journal.outcome().failure());
    assertEquals(0, endpoint.deploys.get());
  }

  private static CertRenewalInput input(boolean force, String approvers, String escalation) {
    return input(force, approvers, escalation, null);
  }

  private static CertRenewalInput input(boolean force, String approvers, String escalation, Integer marginHours) {
    return new CertRenewalInput(
        "web.example.org:443", null, null, ChallengeType.HTTP_01, "web", force, approvers, escalation, marginHours, 30);
  }

  /** How long a run took in workflow time, from its history (the test clock races ahead once it ends). */
  private long runMillis(String id) {
    var events = env.getWorkflowClient().fetchHistory(id).getEvents();
    return Timestamps.toMillis(events.get(events.size() - 1).getEventTime())
        - Timestamps.toMillis(events.get(0).getEventTime());
  }

  private CertRenewalResult renew(String id, CertRenewalInput input) {
    return stub(id).renew(input);
  }

  private CertRenewalRunbook stub(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            CertRenewalRunbook.class, WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
  }
}
