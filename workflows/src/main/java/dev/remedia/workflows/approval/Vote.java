package dev.remedia.workflows.approval;

/** One approver's answer to a gate. */
public enum Vote {
  APPROVE,
  REJECT
}
