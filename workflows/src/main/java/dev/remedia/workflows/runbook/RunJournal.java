package dev.remedia.workflows.runbook;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The workflow side of a run's timeline. A runbook wraps its body in {@link #run} and each step in
 * {@link #step}; the journal records start, end, state and detail through local activities, which cost
 * one marker event each and no extra round trip to the Temporal server.
 *
 * <p>Only Temporal failures end a run as failed: any other exception is a bug that fails the workflow
 * task, so Temporal retries it after a fix instead of recording a wrong outcome.
 */
public final class RunJournal {

  // A read-model outage must not lose the timeline: keep retrying for an hour before giving up.
  private static final LocalActivityOptions JOURNAL_OPTIONS =
      JournalOptions.retryingFor(Duration.ofHours(1));

  private final RunJournalActivities journal =
      Workflow.newLocalActivityStub(RunJournalActivities.class, JOURNAL_OPTIONS);
  private final String runId = Workflow.getInfo().getWorkflowId();
  private int steps;

  private RunJournal() {}

  /**
   * Runs a runbook body with its start and outcome recorded. The run id is the workflow id and the
   * runbook name is the workflow type.
   */
  public static <O> O run(Object input, Function<RunJournal, O> body) {
    RunJournal run = new RunJournal();
    String runbook = Workflow.getInfo().getWorkflowType();
    run.journal.runStarted(new RunJournalActivities.RunStarted(run.runId, runbook, input, now()));
    try {
      O result = body.apply(run);
      run.journal.runEnded(
          new RunJournalActivities.RunEnded(run.runId, RunStatus.SUCCEEDED, result, null, now()));
      return result;
    } catch (TemporalFailure failure) {
      RunStatus status = cancelRequested() ? RunStatus.CANCELLED : RunStatus.FAILED;
      run.recordEvenIfCancelled(
          () ->
              run.journal.runEnded(
                  new RunJournalActivities.RunEnded(
                      run.runId, status, null, Failures.reason(failure), now())));
      throw failure;
    }
  }

  /**
   * Runs one step and records it. {@code describe} turns the step's value into the one-line detail the
   * timeline shows; a failed step shows the failure's reason instead.
   */
  public <T> T step(String name, Supplier<T> action, Function<? super T, String> describe) {
    int seq = ++steps;
    journal.stepStarted(new RunJournalActivities.StepStarted(runId, seq, name, now()));
    try {
      T value = action.get();
      end(seq, name, StepState.SUCCEEDED, describe.apply(value));
      return value;
    } catch (TemporalFailure failure) {
      StepState state = cancelRequested() ? StepState.CANCELLED : StepState.FAILED;
      recordEvenIfCancelled(() -> end(seq, name, state, Failures.reason(failure)));
      throw failure;
    }
  }

  /** Records a step that was not needed, with the reason, so the timeline explains its absence. */
  public void skip(String name, String reason) {
    int seq = ++steps;
    journal.stepStarted(new RunJournalActivities.StepStarted(runId, seq, name, now()));
    end(seq, name, StepState.SKIPPED, reason);
  }

  private void end(int seq, String name, StepState state, String detail) {
    journal.stepEnded(new RunJournalActivities.StepEnded(runId, seq, name, state, detail, now()));
  }

  /**
   * Whether the run was asked to stop. A cancellation reaches the body wrapped in whatever failed
   * (an ActivityFailure, a runbook's own failure), so the scope, not the exception, is the truth.
   */
  public static boolean cancelRequested() {
    return CancellationScope.current().isCancelRequested();
  }

  // A cancelled workflow's own scope rejects new activities; the outcome still has to be written.
  private void recordEvenIfCancelled(Runnable write) {
    Workflow.newDetachedCancellationScope(write).run();
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
