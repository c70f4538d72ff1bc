package dev.remedia.workflows.approval;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One approval gate: waits for enough votes, a rejection, or its deadline. Votes arrive as the
 * {@code decide} update, whose validator turns away, before anything is written to history, people
 * outside the approver group, the requester, a second vote by the same person, a rejection without a
 * reason, and any vote once the gate is no longer pending. One per gate: {@link #workflowId}.
 */
@WorkflowInterface
public interface ApprovalWorkflow {

  String TYPE = "approval";
  String DECIDE = "decide";

  @WorkflowMethod(name = TYPE)
  ApprovalOutcome await(ApprovalGate gate);

  /** Throws an {@code ApplicationFailure} whose type is a {@link Refusal}. */
  @UpdateValidatorMethod(updateName = DECIDE)
  void validate(Ballot ballot);

  /** Returns once the vote is recorded in the read model. */
  @UpdateMethod(name = DECIDE)
  BallotResult decide(Ballot ballot);

  static String workflowId(String approvalId) {
    return "approval/" + approvalId;
  }
}
