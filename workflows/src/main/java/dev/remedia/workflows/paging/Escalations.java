package dev.remedia.workflows.paging;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.Priority;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ChildWorkflowStub;
import io.temporal.workflow.Workflow;

/**
 * Starts and stops escalations from workflow code: an incident's when it opens, a runbook's when it
 * needs a person. Only workflow code may call these.
 */
public final class Escalations {

  /**
   * Paging goes ahead of every other task on the queue: its workflow tasks and, inherited, its sends.
   * In a storm of incidents the queue backs up, and without this a new escalation's first task waited
   * behind the tasks of incidents opening after it (the dev server hands out equal tasks newest first)
   * for up to half a minute. A runbook step can wait a second; a page should not.
   */
  static final Priority PAGING_FIRST = Priority.newBuilder().setPriorityKey(1).build();

  private Escalations() {}

  /**
   * Starts paging as a child that outlives its parent, so a parent continuing as new, closing or
   * failing never cuts paging short; settlements stop it by signal.
   *
   * @return the escalation's workflow id, once Temporal has started it
   * @throws TemporalFailure when it could not start, for instance because one with that id runs
   */
  public static String start(EscalationRequest request) {
    String workflowId = EscalationWorkflow.workflowId(request.subjectId());
    ChildWorkflowStub escalation =
        Workflow.newUntypedChildWorkflowStub(
            EscalationWorkflow.TYPE,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setPriority(PAGING_FIRST)
                .build());
    escalation.executeAsync(Object.class, request);
    escalation.getExecution().get();
    return workflowId;
  }

  /** Stops an escalation. One that already ended cannot be signalled; that is harmless, as paging is over. */
  public static void stop(String workflowId, Settlement settlement) {
    try {
      Workflow.newUntypedExternalWorkflowStub(workflowId)
          .signal(EscalationWorkflow.SETTLE_SIGNAL, settlement);
    } catch (TemporalFailure failure) {
      // Nothing to stop: the escalation ran out or finished before the settlement arrived.
    }
  }
}
