package dev.remedia.workflows.approval;

/** What a gate does when its deadline passes undecided. */
public enum DeadlineAction {
  /** The gate expires: the runbook sees {@link ApprovalStatus#EXPIRED} and must not go ahead. */
  REJECT,
  /** Ask more people (another approver group, a paging policy, or both), then wait once more. */
  ESCALATE
}
