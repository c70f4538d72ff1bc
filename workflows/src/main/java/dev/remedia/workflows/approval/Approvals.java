package dev.remedia.workflows.approval;

import dev.remedia.workflows.runbook.RunJournal;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;

/**
 * The approval step for runbooks: asks, waits (for weeks if need be) and returns the outcome as a
 * value. The runbook decides what a rejection or an expiry means; the step shows the outcome in the
 * run's timeline either way.
 */
public final class Approvals {

  private Approvals() {}

  /**
   * Asks for approval as a step named {@code approval: <title>}. The gate is a child workflow, so its
   * votes and timers stay out of the run's history, and cancelling the run cancels the gate. A run
   * that ends without running its code (terminated, timed out) asks the gate to cancel too, so the
   * gate still records its outcome and stops its paging instead of being terminated mid-way.
   */
  public static ApprovalOutcome ask(RunJournal run, ApprovalRequest request) {
    String approvalId = Workflow.randomUUID().toString();
    String runId = Workflow.getInfo().getWorkflowId();
    ApprovalWorkflow gate =
        Workflow.newChildWorkflowStub(
            ApprovalWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(ApprovalWorkflow.workflowId(approvalId))
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                .build());
    return run.step(
        "approval: " + request.title(),
        () -> gate.await(new ApprovalGate(approvalId, runId, request)),
        ApprovalOutcome::describe);
  }
}
