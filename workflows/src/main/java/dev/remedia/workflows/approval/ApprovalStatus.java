package dev.remedia.workflows.approval;

/** Where a gate stands. Every status but {@link #PENDING} is final. */
public enum ApprovalStatus {
  PENDING,
  APPROVED,
  REJECTED,
  /** Nobody decided before the last deadline. */
  EXPIRED,
  /** The run that asked was cancelled. */
  CANCELLED
}
