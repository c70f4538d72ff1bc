package dev.remedia.activities.approval;

import dev.remedia.activities.oncall.Person;
import dev.remedia.workflows.approval.ApprovalOutcome;
import java.util.List;

/**
 * Where approvers see a request and its outcome: Slack, or nowhere when Slack is not configured (the
 * API still lists it). Calls may be retried: {@link #ask} is called again only when an earlier call
 * recorded nothing, so an implementation need not look for its own earlier messages.
 */
public interface ApprovalMessenger {

  /**
   * Posts the request with Approve and Reject buttons (action ids {@code approval.approve} and
   * {@code approval.reject}, value the approval id) and a reason field for Reject.
   *
   * @param channel the group's Slack channel id, or null to message each approver directly
   * @param approvers the people who may decide; asked directly when there is no channel
   * @return a reference to every message posted, for {@link #show}
   */
  List<String> ask(ApprovalNotice notice, String channel, List<Person> approvers);

  /** Replaces the buttons of every message with the outcome and who decided. */
  void show(ApprovalNotice notice, ApprovalOutcome outcome, List<String> messages);

  /** For deployments without Slack: the request is only in the API. */
  ApprovalMessenger NONE =
      new ApprovalMessenger() {
        @Override
        public List<String> ask(ApprovalNotice notice, String channel, List<Person> approvers) {
          return List.of();
        }

        @Override
        public void show(ApprovalNotice notice, ApprovalOutcome outcome, List<String> messages) {}
      };
}
