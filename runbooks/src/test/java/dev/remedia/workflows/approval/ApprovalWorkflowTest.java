package dev.remedia.workflows.approval;

import static dev.remedia.workflows.paging.FakePaging.level;
import static dev.remedia.workflows.paging.FakePaging.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.CachelessEnvironment;
import dev.remedia.runbooks.RecordedHistories;
import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.EscalationWorkflowImpl;
import dev.remedia.workflows.paging.FakePaging;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The approval gate with time skipping. The worker keeps no workflow cache, so every workflow task
 * replays the history from the start: a restart between any two steps loses no vote.
 */
@Timeout(60)
class ApprovalWorkflowTest {

  private static final String QUEUE = "approval-test";
  private static final String APPROVAL = "a1b2c3";
  private static final Duration DEADLINE = Duration.ofHours(4);

  private final FakeApprovals approvals =
      new FakeApprovals(
          Map.of("fleet-leads", List.of("alice", "bob", "carol"), "fleet-managers", List.of("dave")));
  private TestWorkflowEnvironment env;
  private FakePaging paging;
  private WorkflowClient client;

  @BeforeEach
  void startEnvironment() {
    env = CachelessEnvironment.newInstance();
    paging =
        new FakePaging(
            env::currentTimeMillis,
            plan(0, FinalAction.MARK_UNACKNOWLEDGED, level(3600, List.of(PageChannel.SMS), "dave")));
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ApprovalWorkflowImpl.class, EscalationWorkflowImpl.class);
    worker.registerActivitiesImplementations(approvals);
    paging.registerOn(env, QUEUE, worker);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void oneApprovalOfOneApprovesAndSaysWho() {
    start(request());

    BallotResult vote = vote("alice", Vote.APPROVE, null);
    ApprovalOutcome outcome = outcome();

    assertEquals(new BallotResult(ApprovalStatus.APPROVED, 1, 1), vote);
    assertEquals(ApprovalStatus.APPROVED, outcome.status());
    assertEquals(List.of("alice"), outcome.approvedBy());
    assertEquals("APPROVED by alice via slack", outcome.describe());
    assertEquals(List.of(outcome), approvals.outcomes());
    assertEquals(1, approvals.votes().size());
    RecordedHistories.saveIfRequested(client, workflowId(), "approval-approved");
  }

  @Test
  void aRejectionStopsTheGateWithItsReason() {
    start(request().needing(2));

    vote("alice", Vote.APPROVE, null);
    BallotResult vote = vote("bob", Vote.REJECT, "wave 1 still has 3 gateways offline");

    assertEquals(ApprovalStatus.REJECTED, vote.status());
    ApprovalOutcome outcome = outcome();
    assertEquals("wave 1 still has 3 gateways offline", outcome.reason());
    assertEquals("REJECTED by bob via slack: wave 1 still has 3 gateways offline", outcome.describe());
  }

  @Test
  void twoOfThreeWaitsForTheSecondApproval() {
    start(request().needing(2));

    assertEquals(new BallotResult(ApprovalStatus.PENDING, 1, 2), vote("alice", Vote.APPROVE, null));
    env.sleep(Duration.ofMinutes(30));
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status());
    assertEquals(new BallotResult(ApprovalStatus.APPROVED, 2, 2), vote("carol", Vote.APPROVE, null));

    assertEquals(List.of("alice", "carol"), outcome().approvedBy());
  }

  @Test
  void theDeadlineExpiresAnUndecidedGate() {
    start(request());

    env.sleep(DEADLINE.plusMinutes(1));
    ApprovalOutcome outcome = outcome();

    assertEquals(ApprovalStatus.EXPIRED, outcome.status());
    assertEquals("EXPIRED: nobody decided by the deadline", outcome.describe());
    // The gate has ended: Temporal itself refuses, and the API answers from the read model.
    assertThrows(WorkflowNotFoundException.class, () -> vote("alice", Vote.APPROVE, null));
  }

  @Test
  void theDeadlineEscalatesToAnotherGroupAndPagingThenWaitsForThem() {
    start(request().escalatingAfter(DEADLINE, "fleet-managers", "fleet-critical", Duration.ofHours(20)));
    assertRefused(Refusal.NOT_AN_APPROVER, () -> vote("dave", Vote.APPROVE, null), "not in the approver group");

    env.sleep(DEADLINE.plusMinutes(5));
    assertEquals(List.of("fleet-managers"), approvals.escalated());
    assertEquals(List.of("fleet-leads", "fleet-managers"), approvals.asked());
    assertEquals(List.of("dave@SMS"), paging.addresses());
    assertTrue(paging.sent().get(0).page().summary().contains("Roll firmware 4.2 to wave 2"));

    vote("dave", Vote.APPROVE, null);
    ApprovalOutcome outcome = outcome();
    assertEquals(List.of("dave"), outcome.approvedBy());
    WorkflowStub escalation = client.newUntypedWorkflowStub(EscalationWorkflow.workflowId("approval-" + APPROVAL));
    escalation.getResult(Object.class);
    assertEquals("dave", paging.settled().get(0).by());
    RecordedHistories.saveIfRequested(client, workflowId(), "approval-escalated-then-approved");
  }

  @Test
  void anEscalatedGateExpiresAfterItsExtension() {
    start(request().escalatingAfter(DEADLINE, "fleet-managers", null, Duration.ofHours(20)));

    env.sleep(DEADLINE.plusHours(21));

    assertEquals(ApprovalStatus.EXPIRED, outcome().status());
    assertEquals(List.of(), paging.sent());
  }

  @Test
  void aVoteRacingTheDeadlineIsEitherCountedOrRefusedNeverBoth() {
    start(request());
    env.sleep(DEADLINE.minusMillis(1));

    CompletableFuture<BallotResult> racing = CompletableFuture.supplyAsync(() -> vote("alice", Vote.APPROVE, null));
    env.sleep(Duration.ofSeconds(1));
    ApprovalOutcome outcome = outcome();
    Throwable refused = racing.handle((counted, error) -> error).join();

    if (outcome.status() == ApprovalStatus.APPROVED) {
      assertEquals(null, refused);
      assertEquals(1, approvals.votes().size());
    } else {
      assertEquals(ApprovalStatus.EXPIRED, outcome.status());
      assertTrue(refused != null, "a vote after expiry was not refused");
      assertEquals(List.of(), approvals.votes());
    }
    assertEquals(1, approvals.outcomes().size());
  }

  @Test
  void aDuplicateClickIsRefusedAndCountsOnce() {
    start(request().needing(2));

    vote("alice", Vote.APPROVE, null);
    assertRefused(Refusal.ALREADY_VOTED, () -> vote("alice", Vote.APPROVE, null), "already voted");

    assertEquals(1, approvals.votes().size());
    assertEquals(1, acceptedUpdates());
  }

  @Test
  void anOutsidersClickIsRefusedBeforeItReachesHistory() {
    start(request());

    assertRefused(Refusal.NOT_AN_APPROVER, () -> vote("mallory", Vote.APPROVE, null), "'fleet-leads'");

    assertEquals(0, acceptedUpdates());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status());
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequest() {
    start(request().requestedBy("alice"));

    assertRefused(Refusal.OWN_REQUEST, () -> vote("alice", Vote.APPROVE, null), "someone else must decide");

    assertEquals(0, acceptedUpdates());
    vote("bob", Vote.APPROVE, null);
    assertEquals(List.of("bob"), outcome().approvedBy());
  }

  @Test
  void aRejectionWithoutAReasonIsRefused() {
    start(request());

    assertRefused(Refusal.REASON_REQUIRED, () -> vote("bob", Vote.REJECT, " "), "needs a reason");

    assertEquals(0, acceptedUpdates());
  }

  @Test
  void cancellingTheGateRecordsItAsCancelled() {
    start(request());

    client.newUntypedWorkflowStub(workflowId()).cancel();
    env.sleep(Duration.ofSeconds(5));

    assertEquals(ApprovalStatus.CANCELLED, approvals.outcomes().get(0).status());
  }

  @Test
  void cancellingTheGateWhileItIsBeingOpenedStillRecordsItAsCancelled() {
    // The cancellation reaches the workflow wrapped in the activity's failure, not as CanceledFailure.
    CountDownLatch opening = new CountDownLatch(1);
    approvals.holdOpened(opening);
    start(request());

    client.newUntypedWorkflowStub(workflowId()).cancel();
    env.sleep(Duration.ofSeconds(1));
    opening.countDown();

    assertThrows(WorkflowFailedException.class, this::outcome);
    assertEquals(
        List.of(ApprovalStatus.CANCELLED),
        approvals.outcomes().stream().map(ApprovalOutcome::status).toList());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED, status());
  }

  private ApprovalRequest request() {
    return ApprovalRequest.of(
            "Roll firmware 4.2 to wave 2", "Flash 4.2.0 on 1,200 gateways", "wave 1 is healthy", "fleet-leads")
        .withBlastRadius(new BlastRadius(1200, "gateways", List.of("gw-1", "gw-2")))
        .expiringAfter(DEADLINE);
  }

  private void start(ApprovalRequest request) {
    ApprovalWorkflow gate =
        client.newWorkflowStub(
            ApprovalWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId()).setTaskQueue(QUEUE).build());
    WorkflowClient.start(gate::await, new ApprovalGate(APPROVAL, "run-1", request));
    env.sleep(Duration.ofSeconds(1));
  }

  private BallotResult vote(String person, Vote vote, String reason) {
    return client
        .newWorkflowStub(ApprovalWorkflow.class, workflowId())
        .decide(new Ballot(person, vote, reason, "slack"));
  }

  private ApprovalOutcome outcome() {
    return client.newUntypedWorkflowStub(workflowId()).getResult(ApprovalOutcome.class);
  }

  private WorkflowExecutionStatus status() {
    return client.newUntypedWorkflowStub(workflowId()).describe().getStatus();
  }

  private long acceptedUpdates() {
    return client.fetchHistory(workflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  private static void assertRefused(Refusal refusal, Runnable vote, String message) {
    WorkflowUpdateException thrown = assertThrows(WorkflowUpdateException.class, vote::run);
    Refusal.Refused refused = Refusal.of(thrown).orElseThrow(() -> new AssertionError("not a refusal", thrown));
    assertEquals(refusal, refused.refusal());
    assertTrue(refused.message().contains(message), refused.message());
  }

  private static String workflowId() {
    return ApprovalWorkflow.workflowId(APPROVAL);
  }
}
