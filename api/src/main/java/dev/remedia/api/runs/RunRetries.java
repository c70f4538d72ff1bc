package dev.remedia.api.runs;

import dev.remedia.activities.store.StoredRun;
import dev.remedia.api.access.Actor;
import dev.remedia.api.access.Caller;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.ActorBody;
import dev.remedia.api.runbooks.RunAccepted;
import dev.remedia.api.runbooks.RunLauncher;
import dev.remedia.api.runbooks.RunbookInputReader;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Starts a new run of the runbook of a run that did not succeed, with the input that run stored. The new
 * run is linked to it ({@code retryOf}); the input is checked again against today's runbook.
 */
@Singleton
class RunRetries {

  // Ends the read model may not show: a workflow terminated or timed out ran none of its own code, and
  // one cancelled or failed before its journal recorded the end (cancelled before its start was
  // recorded, say) left the row RUNNING too. Only a success is never worth retrying.
  private static final Set<WorkflowExecutionStatus> ENDED_UNRECORDED =
      Set.of(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED);

  private final RunLookup runs;
  private final RunbookInputReader inputs;
  private final RunLauncher launcher;
  private final RunExecutions executions;
  private final AuditTrail audit;

  RunRetries(
      RunLookup runs, RunbookInputReader inputs, RunLauncher launcher, RunExecutions executions, AuditTrail audit) {
    this.runs = runs;
    this.inputs = inputs;
    this.launcher = launcher;
    this.executions = executions;
    this.audit = audit;
  }

  /**
   * @param body optional JSON {@code {"by": "alice"}}; when absent, the caller's person or token
   * @param idempotencyKey makes a repeated request answer with the retry it already started, or null
   */
  RunAccepted retry(String id, String body, Caller caller, String remoteAddress, String idempotencyKey) {
    Actor by = caller.acting(ActorBody.by(body));
    RunLookup.requirePlausible(id);
    RunAccepted retry;
    try {
      StoredRun run = runs.find(id);
      requireUnsuccessful(run);
      RunbookDefinition runbook =
          RunbookCatalog.find(run.runbook())
              .orElseThrow(() -> ApiProblem.conflict("runbook '" + run.runbook() + "' is no longer in the catalog"));
      retry =
          launcher.launch(
              runbook, storedInput(run, runbook), new RunLauncher.Launch(by, remoteAddress, idempotencyKey, id));
    } catch (ApiProblem problem) {
      audit.refused(by, "run.retry", "run", id, remoteAddress, problem);
      throw problem;
    }
    audit.record(
        by, "run.retry", "run", id, remoteAddress, retry.replayed() ? "replayed" : "started", Map.of("retry", retry.id()));
    return retry;
  }

  private void requireUnsuccessful(StoredRun run) {
    if (run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED) {
      return;
    }
    if (run.status() == RunStatus.RUNNING && endedUnrecorded(run.id())) {
      return;
    }
    throw ApiProblem.conflict(
        "run " + run.id() + " is " + run.status() + "; only a run that failed, was cancelled, timed out or was "
            + "terminated can be retried");
  }

  private boolean endedUnrecorded(String runId) {
    return executions.status(runId).filter(ENDED_UNRECORDED::contains).isPresent();
  }

  // A runbook's validation may have grown stricter since the run started; the retry must meet today's.
  private Record storedInput(StoredRun run, RunbookDefinition runbook) {
    try {
      return inputs.readStored(runbook, run.inputJson());
    } catch (ApiProblem invalid) {
      throw ApiProblem.conflict(
          "the input run " + run.id() + " stored is not valid for runbook '" + runbook.name() + "' any more: "
              + invalid.getMessage() + "; start a new run with a corrected input");
    }
  }
}
