package dev.remedia.workflows.runbook;

/** Where one step of a run stands. */
public enum StepState {
  RUNNING,
  SUCCEEDED,
  FAILED,
  SKIPPED,
  CANCELLED
}
