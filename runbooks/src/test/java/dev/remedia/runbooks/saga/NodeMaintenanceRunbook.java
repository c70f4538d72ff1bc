package dev.remedia.runbooks.saga;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A test runbook: restarts a node out of service, undoing what it did if it does not finish. */
@WorkflowInterface
public interface NodeMaintenanceRunbook {

  @WorkflowMethod(name = NodeMaintenanceRunbookImpl.NAME)
  String restart(String node);
}
