package dev.remedia.workflows.paging;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pages a policy's levels with durable timers until someone acknowledges, the incident resolves, or
 * the policy runs out. One per subject: {@link #workflowId}.
 */
@WorkflowInterface
public interface EscalationWorkflow {

  String TYPE = "escalation";
  String SETTLE_SIGNAL = "settle";
  String DELIVERY_SIGNAL = "delivery";

  @WorkflowMethod(name = TYPE)
  EscalationResult run(EscalationRequest request);

  /** Stops every pending and future page. Repeats are harmless: the first settlement wins. */
  @SignalMethod(name = SETTLE_SIGNAL)
  void settle(Settlement settlement);

  /** A channel's late report (Twilio's status callback): a failure moves to the next contact at once. */
  @SignalMethod(name = DELIVERY_SIGNAL)
  void delivery(PageOutcome outcome);

  static String workflowId(String subjectId) {
    return "escalation/" + subjectId;
  }
}
