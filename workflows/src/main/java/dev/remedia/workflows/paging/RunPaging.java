package dev.remedia.workflows.paging;

import dev.remedia.workflows.incident.Severity;
import dev.remedia.workflows.runbook.RunJournal;
import io.temporal.workflow.Workflow;

/**
 * Lets a runbook page people by itself: when a step fails that only a person can mend, or an approval
 * has waited too long. Starting the page is a step of the run's timeline; the paging then runs on its
 * own, outlives the run, and stops when someone answers a page or the runbook calls {@link #stop}.
 */
public final class RunPaging {

  private RunPaging() {}

  /**
   * Starts paging {@code policy} about this run.
   *
   * @return the escalation's workflow id, for {@link #stop}
   * @throws io.temporal.failure.TemporalFailure when paging could not start; the step shows why
   */
  public static String page(RunJournal run, String policy, Severity severity, String summary) {
    String runId = Workflow.getInfo().getWorkflowId();
    // One run may page more than once (a failed step, then a late approval): each is its own escalation.
    String subject = runId + ".page-" + Workflow.randomUUID();
    EscalationRequest request =
        new EscalationRequest(subject, null, null, runId, policy, summary, severity.name(), null);
    return run.step("page " + policy, () -> Escalations.start(request), id -> "paging through " + id);
  }

  /** Stops paging that is no longer needed, for instance when the approval it chased was decided. */
  public static void stop(String escalationId, SettleAction action, String by, String via) {
    Escalations.stop(
        escalationId, new Settlement(action, by, via, Workflow.currentTimeMillis(), false));
  }
}
