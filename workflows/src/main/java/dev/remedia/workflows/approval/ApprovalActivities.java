package dev.remedia.workflows.approval;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The gate's side effects. Every method is idempotent by approval id (and person, for votes), so a
 * retried activity neither posts a request twice nor counts a vote twice.
 */
@ActivityInterface(namePrefix = "Approval.")
public interface ApprovalActivities {

  /**
   * Records the request and resolves its approver group to people (a schedule's member is whoever is
   * on call now). Nobody is asked yet: the gate must know who may vote before anyone can.
   *
   * @return the people who may decide
   */
  @ActivityMethod(name = "opened")
  List<String> opened(ApprovalGate gate, long deadlineAtMillis);

  /** Adds another group's people at the deadline and moves it; returns them. Nobody is asked yet. */
  @ActivityMethod(name = "escalated")
  List<String> escalated(String approvalId, String group, long deadlineAtMillis);

  /** Asks a group's people (the request's group, or the escalation group) in Slack, once. */
  @ActivityMethod(name = "ask")
  void ask(String approvalId, String group);

  @ActivityMethod(name = "voted")
  void voted(String approvalId, Decision decision);

  /** Records the outcome and shows it on every Slack message of the request. */
  @ActivityMethod(name = "decided")
  void decided(String approvalId, ApprovalOutcome outcome);
}
