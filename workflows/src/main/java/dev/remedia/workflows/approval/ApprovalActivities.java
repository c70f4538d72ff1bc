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
   * Records the request, resolves its approver group to people (a schedule's member is whoever is on
   * call now) and asks them in Slack.
   *
   * @return the people who may decide
   */
  @ActivityMethod(name = "opened")
  List<String> opened(ApprovalGate gate, long deadlineAtMillis);

  /** Asks another group at the deadline; returns its people. */
  @ActivityMethod(name = "escalated")
  List<String> escalated(String approvalId, String group, long deadlineAtMillis);

  @ActivityMethod(name = "voted")
  void voted(String approvalId, Decision decision);

  /** Records the outcome and shows it on every Slack message of the request. */
  @ActivityMethod(name = "decided")
  void decided(String approvalId, ApprovalOutcome outcome);
}
