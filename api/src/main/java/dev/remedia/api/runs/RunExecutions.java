package dev.remedia.api.runs;

import dev.remedia.api.problem.ApiProblem;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks Temporal where a run's workflow stands. The read model cannot tell a workflow that was terminated
 * or timed out (no workflow code ran to record it), so run control asks before acting.
 */
@Singleton
class RunExecutions {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final WorkflowClient temporal;

  RunExecutions(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /** The execution's status, or empty when Temporal has no such execution (any more). */
  Optional<WorkflowExecutionStatus> status(String runId) {
    try {
      return Optional.of(temporal.newUntypedWorkflowStub(runId).describe().getStatus());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (WorkflowServiceException e) {
      throw ApiProblem.unavailable("Temporal did not say whether run " + runId + " is running; retry", RETRY_AFTER, e);
    }
  }

  /** A status as people say it: {@code TERMINATED}, {@code TIMED_OUT}, ... */
  static String name(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
  }

  /** Asks the run's workflow to cancel; false when Temporal has no such execution. */
  boolean cancel(String runId, String reason) {
    try {
      if (reason == null) {
        temporal.newUntypedWorkflowStub(runId).cancel();
      } else {
        temporal.newUntypedWorkflowStub(runId).cancel(reason);
      }
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    } catch (WorkflowServiceException e) {
      throw ApiProblem.unavailable("Temporal did not take the cancellation; retry", RETRY_AFTER, e);
    }
  }
}
