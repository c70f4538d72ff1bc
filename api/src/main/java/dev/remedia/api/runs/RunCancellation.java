package dev.remedia.api.runs;

import dev.remedia.activities.store.StoredRun;
import dev.remedia.api.access.Actor;
import dev.remedia.api.access.Caller;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.JsonBody;
import dev.remedia.workflows.runbook.RunStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Cancels a run's workflow. The runbook's compensations then run and the run ends {@code CANCELLED};
 * this only asks Temporal, and answers once Temporal has the request.
 */
@Singleton
class RunCancellation {

  private static final String EXAMPLE = "{\"by\": \"<person>\", \"reason\": \"<why>\"}";
  private static final int MAX_NAME_CHARS = 100;
  private static final int MAX_REASON_CHARS = 2000;

  private final RunLookup runs;
  private final RunExecutions executions;
  private final AuditTrail audit;

  RunCancellation(RunLookup runs, RunExecutions executions, AuditTrail audit) {
    this.runs = runs;
    this.executions = executions;
    this.audit = audit;
  }

  /**
   * @param body optional JSON {@code {"by": "alice", "reason": "wrong target"}}; without {@code by}, the
   *     caller's person or token
   */
  RunCancelAccepted cancel(String id, String body, Caller caller, String remoteAddress) {
    JsonBody json = JsonBody.parse(body, Set.of("by", "reason"), EXAMPLE);
    Actor by = caller.acting(json.text("by", MAX_NAME_CHARS, false));
    String reason = json.text("reason", MAX_REASON_CHARS, true).orElse(null);
    RunLookup.requirePlausible(id);
    try {
      StoredRun run = runs.find(id);
      if (run.status() != RunStatus.RUNNING) {
        throw ApiProblem.conflict(
            "run " + id + " already ended " + run.status() + " at " + run.endedAt() + "; there is nothing to cancel");
      }
      requestCancel(id, reason);
    } catch (ApiProblem problem) {
      audit.refused(by, "run.cancel", "run", id, remoteAddress, problem);
      throw problem;
    }
    audit.record(by, "run.cancel", "run", id, remoteAddress, "requested", reason == null ? Map.of() : Map.of("reason", reason));
    return new RunCancelAccepted(id, by.name(), reason, "/api/runs/" + id);
  }

  // Temporal's test server accepts a cancel of an ended execution, so ask first: a run terminated in
  // Temporal still reads RUNNING here. One that ends between the two calls ignores the request.
  private void requestCancel(String id, String reason) {
    WorkflowExecutionStatus status =
        executions.status(id).orElseThrow(() -> endedInTemporal(id, "gone"));
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw endedInTemporal(id, RunExecutions.name(status));
    }
    if (!executions.cancel(id, reason)) {
      throw endedInTemporal(id, "gone");
    }
  }

  private static ApiProblem endedInTemporal(String id, String how) {
    return ApiProblem.conflict(
        "run " + id + " has already ended in Temporal (" + how + "); its record here shows the outcome "
            + "once written, and a terminated or timed-out run stays RUNNING here");
  }
}
