package dev.remedia.activities.journal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Temporal still runs a workflow, by id: for the run claims, whose read model never hears of a
 * run that was terminated or timed out. When Temporal cannot answer, the workflow counts as running:
 * a trigger that joins a dead run is safer than two runs at one endpoint.
 */
public final class RunningWorkflows implements Predicate<String> {

  private static final Logger LOG = LoggerFactory.getLogger(RunningWorkflows.class);

  private final WorkflowClient client;

  public RunningWorkflows(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public boolean test(String workflowId) {
    try {
      return client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      LOG.warn("Temporal could not say whether {} still runs; its claim stands: {}", workflowId, e.getStatus());
      return true;
    }
  }
}
