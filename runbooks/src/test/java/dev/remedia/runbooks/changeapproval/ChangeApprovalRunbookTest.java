package dev.remedia.runbooks.changeapproval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.remedia.runbooks.RecordedHistories;
import dev.remedia.runbooks.RecordingJournal;
import dev.remedia.workflows.approval.ApprovalWorkflow;
import dev.remedia.workflows.approval.ApprovalWorkflowImpl;
import dev.remedia.workflows.approval.Ballot;
import dev.remedia.workflows.approval.FakeApprovals;
import dev.remedia.workflows.approval.Vote;
import dev.remedia.workflows.runbook.RunStatus;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The change-approval runbook: the run goes on only when the gate approves. */
@Timeout(30)
class ChangeApprovalRunbookTest {

  private static final String QUEUE = "change-approval-test";

  private final RecordingJournal journal = new RecordingJournal();
  private final FakeApprovals approvals = new FakeApprovals(Map.of("release-leads", List.of("alice", "bob")));
  private TestWorkflowEnvironment env;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ChangeApprovalRunbookImpl.class, ApprovalWorkflowImpl.class);
    worker.registerActivitiesImplementations(journal, approvals);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void anApprovedChangeGoesAhead() {
    WorkflowStub run = start("change-approval-approved", input(null));
    vote(new Ballot("alice", Vote.APPROVE, null, "api"));

    ChangeApprovalResult result = run.getResult(ChangeApprovalResult.class);

    assertEquals(List.of("alice"), result.approvedBy());
    assertEquals(List.of("approval: Deploy api 2.4 to production:SUCCEEDED", "go ahead:SUCCEEDED"), journal.stepOutcomes());
    assertEquals("APPROVED by alice via api", journal.step("approval: Deploy api 2.4 to production").detail());
    RecordedHistories.saveIfRequested(env.getWorkflowClient(), "change-approval-approved", "change-approval-approved");
  }

  @Test
  void aRejectedChangeFailsTheRunWithTheReasonInTheTimeline() {
    WorkflowStub run = start("change-approval-rejected", input(null));
    vote(new Ballot("bob", Vote.REJECT, "error budget spent", "slack"));

    assertThrows(WorkflowFailedException.class, () -> run.getResult(ChangeApprovalResult.class));

    assertEquals(RunStatus.FAILED, journal.status());
    assertEquals("not approved: REJECTED by bob via slack: error budget spent", journal.outcome().failure());
    assertEquals(List.of("approval: Deploy api 2.4 to production:SUCCEEDED"), journal.stepOutcomes());
  }

  @Test
  void anUndecidedChangeExpiresAndFails() {
    WorkflowStub run = start("change-approval-expired", input(null));
    env.sleep(Duration.ofMinutes(31));

    assertThrows(WorkflowFailedException.class, () -> run.getResult(ChangeApprovalResult.class));

    assertEquals("not approved: EXPIRED: nobody decided by the deadline", journal.outcome().failure());
  }

  @Test
  void aRunThatEndsWithoutFinishingAsksItsGateToCancel() {
    start("change-approval-terminated", input(null));

    // Terminated or timed out, the run's code does not run, so only the parent close policy can stop
    // the gate; terminating it instead would leave its approval PENDING and its paging going. Java's
    // test server records the policy but does not enforce it, so the started child is what is checked.
    ParentClosePolicy policy =
        env.getWorkflowClient().fetchHistory("change-approval-terminated").getEvents().stream()
            .filter(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes)
            .map(e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getParentClosePolicy())
            .findFirst()
            .orElseThrow();
    assertEquals(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL, policy);
  }

  private static ChangeApprovalInput input(String requestedBy) {
    return new ChangeApprovalInput(
        "Deploy api 2.4 to production", "Roll api 2.4 to all regions", "fixes the login bug", "release-leads",
        null, 30, null, null, null, requestedBy, List.of("https://ci.example.org/pipelines/812"));
  }

  private WorkflowStub start(String id, ChangeApprovalInput input) {
    ChangeApprovalRunbook runbook =
        env.getWorkflowClient()
            .newWorkflowStub(
                ChangeApprovalRunbook.class, WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
    WorkflowClient.start(runbook::approve, input);
    env.sleep(Duration.ofSeconds(2));
    return WorkflowStub.fromTyped(runbook);
  }

  private void vote(Ballot ballot) {
    String approvalId = approvals.opened().get(0);
    env.getWorkflowClient()
        .newWorkflowStub(ApprovalWorkflow.class, ApprovalWorkflow.workflowId(approvalId))
        .decide(ballot);
  }
}
