package dev.remedia.workflows.runbook;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The workflow side of a run's timeline. A runbook wraps its body in {@link #run} and each step in
 * {@link #step}; the journal records start, end, state and detail through local activities, which cost
 * one marker event each and no extra round trip to the Temporal server.
 *
 * <p>Only Temporal failures end a run as failed: any other exception is a bug that fails the workflow
 * task, so Temporal retries it after a fix instead of recording a wrong outcome.
 *
 * <p>A runbook that changes things registers how to undo them with {@link #compensateWith}. When the
 * run fails or is cancelled, the journal runs those compensations, newest first, as steps of the
 * timeline, before it records the outcome: a saga.
 */
public final class RunJournal {

  /**
   * The memo under which a run started as a retry names the run it retries. The starter records the
   * link too; carried in the workflow, it survives a read-model hiccup at the start.
   */
  public static final String RETRY_OF_MEMO = "retryOf";

  // A read-model outage must not lose the timeline: keep retrying for an hour before giving up.
  private static final LocalActivityOptions JOURNAL_OPTIONS =
      JournalOptions.retryingFor(Duration.ofHours(1));

  private final RunJournalActivities journal =
      Workflow.newLocalActivityStub(RunJournalActivities.class, JOURNAL_OPTIONS);
  private final String runId = Workflow.getInfo().getWorkflowId();
  private final Deque<Compensation> compensations = new ArrayDeque<>();
  private int steps;

  private RunJournal() {}

  /**
   * Runs a runbook body with its start and outcome recorded. The run id is the workflow id and the
   * runbook name is the workflow type.
   */
  public static <O> O run(Object input, Function<RunJournal, O> body) {
    RunJournal run = new RunJournal();
    String runbook = Workflow.getInfo().getWorkflowType();
    String retryOf = Workflow.getMemo(RETRY_OF_MEMO, String.class, String.class);
    run.journal.runStarted(new RunJournalActivities.RunStarted(run.runId, runbook, input, now(), retryOf));
    O result;
    try {
      result = body.apply(run);
    } catch (TemporalFailure failure) {
      boolean cancelled = cancelRequested();
      RunStatus status = cancelled ? RunStatus.CANCELLED : RunStatus.FAILED;
      run.recordEvenIfCancelled(
          () -> {
            String unfinished = run.compensate(cancelled);
            run.journal.runEnded(
                new RunJournalActivities.RunEnded(
                    run.runId, status, null, Failures.reason(failure) + unfinished, now()));
          });
      throw failure;
    }
    // Outside the try: a cancellation that arrives while the success is being recorded must neither
    // undo work that finished nor record the run as cancelled.
    run.recordEvenIfCancelled(
        () ->
            run.journal.runEnded(
                new RunJournalActivities.RunEnded(run.runId, RunStatus.SUCCEEDED, result, null, now())));
    return result;
  }

  /**
   * Registers how to undo something this run does, for when the run fails or is cancelled. Each
   * compensation runs once, newest first, as a step named {@code name}, in a scope that the run's own
   * cancellation does not reach; one that fails is recorded as a failed step and the others still run.
   * A run that succeeds runs none of them.
   *
   * <p>Register before the step that changes things when a half-done step needs undoing too (an
   * activity that timed out may have acted), so the undo must cope with nothing having been done.
   */
  public void compensateWith(String name, Runnable undo) {
    compensations.push(new Compensation(name, undo));
  }

  /**
   * Runs one step and records it. {@code describe} turns the step's value into the one-line detail the
   * timeline shows; a failed step shows the failure's reason instead.
   */
  public <T> T step(String name, Supplier<T> action, Function<? super T, String> describe) {
    int seq = ++steps;
    journal.stepStarted(new RunJournalActivities.StepStarted(runId, seq, name, now()));
    T value;
    try {
      value = action.get();
    } catch (TemporalFailure failure) {
      StepState state = cancelRequested() ? StepState.CANCELLED : StepState.FAILED;
      recordEvenIfCancelled(() -> end(seq, name, state, Failures.reason(failure)));
      throw failure;
    }
    // A step that did its work is recorded as done even when a cancellation arrives meanwhile.
    recordEvenIfCancelled(() -> end(seq, name, StepState.SUCCEEDED, describe.apply(value)));
    return value;
  }

  /** Records a step that was not needed, with the reason, so the timeline explains its absence. */
  public void skip(String name, String reason) {
    int seq = ++steps;
    journal.stepStarted(new RunJournalActivities.StepStarted(runId, seq, name, now()));
    end(seq, name, StepState.SKIPPED, reason);
  }

  /** Runs the registered compensations; answers what the run's failure should add for those that failed. */
  private String compensate(boolean cancelled) {
    String detail = cancelled ? "undone after the run was cancelled" : "undone after the run failed";
    List<String> failed = new ArrayList<>();
    while (!compensations.isEmpty()) {
      Compensation compensation = compensations.pop();
      try {
        step(
            compensation.name(),
            () -> {
              compensation.undo().run();
              return detail;
            },
            Function.identity());
      } catch (TemporalFailure undoFailure) {
        failed.add(compensation.name() + ": " + Failures.reason(undoFailure));
      }
    }
    return failed.isEmpty() ? "" : "; not undone: " + String.join("; ", failed);
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

  private record Compensation(String name, Runnable undo) {}
}
