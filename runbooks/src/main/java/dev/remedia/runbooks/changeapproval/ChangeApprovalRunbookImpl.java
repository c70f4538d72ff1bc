package dev.remedia.runbooks.changeapproval;

import dev.remedia.workflows.approval.ApprovalOutcome;
import dev.remedia.workflows.approval.Approvals;
import dev.remedia.workflows.runbook.FailureType;
import dev.remedia.workflows.runbook.RunJournal;
import dev.remedia.workflows.runbook.RunbookDefinition;

/**
 * A change made outside Remedia that needs a human yes, such as a deploy pipeline waiting before a
 * risky stage: the pipeline starts a run and waits for it. The run succeeds once the change is
 * approved and fails, saying why, when it is rejected or nobody decides in time.
 */
public class ChangeApprovalRunbookImpl implements ChangeApprovalRunbook {

  static final String NAME = "change-approval";

  public static final RunbookDefinition DEFINITION =
      new RunbookDefinition(
          NAME,
          "Asks an approver group to approve a change (in Slack and the API) and succeeds only if they do.",
          ChangeApprovalInput.class,
          ChangeApprovalRunbookImpl.class);

  @Override
  public ChangeApprovalResult approve(ChangeApprovalInput input) {
    return RunJournal.run(
        input,
        run -> {
          ApprovalOutcome outcome = Approvals.ask(run, input.request());
          if (!outcome.approved()) {
            throw FailureType.RUNBOOK_FAILED.permanent("not approved: " + outcome.describe());
          }
          return run.step(
              "go ahead",
              () -> new ChangeApprovalResult(outcome.approvalId(), outcome.approvedBy()),
              result -> "the change may proceed, approved by " + String.join(", ", result.approvedBy()));
        });
  }
}
