package dev.remedia.workflows.runbook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Writes a run's progress to the read model. Every method is idempotent: a retried call lands on the
 * same row (runs by id, steps by run id and position), so the journal never shows a step twice.
 */
@ActivityInterface
public interface RunJournalActivities {

  @ActivityMethod(name = "RunJournal.RunStarted")
  void runStarted(RunStarted event);

  @ActivityMethod(name = "RunJournal.StepStarted")
  void stepStarted(StepStarted event);

  @ActivityMethod(name = "RunJournal.StepEnded")
  void stepEnded(StepEnded event);

  @ActivityMethod(name = "RunJournal.RunEnded")
  void runEnded(RunEnded event);

  /**
   * A run began; {@code input} is the runbook's input record, {@code retryOf} the run it retries, or
   * null.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RunStarted(String runId, String runbook, Object input, long atMillis, String retryOf) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StepStarted(String runId, int seq, String name, long atMillis) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StepEnded(String runId, int seq, String name, StepState state, String detail, long atMillis) {}

  /** A run ended; {@code result} is the runbook's result record when it succeeded. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RunEnded(String runId, RunStatus status, Object result, String failure, long atMillis) {}
}
