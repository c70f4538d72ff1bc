package dev.remedia.runbooks.changeapproval;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Asks an approver group to approve a change; succeeds only when approved. */
@WorkflowInterface
public interface ChangeApprovalRunbook {

  /** The workflow type is pinned to the runbook's catalog name. */
  @WorkflowMethod(name = ChangeApprovalRunbookImpl.NAME)
  ChangeApprovalResult approve(ChangeApprovalInput input);
}
