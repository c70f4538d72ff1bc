package dev.remedia.workflows.runbook;

/** Where a run stands, as the read model shows it. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
