package dev.remedia.activities.approval.slack;

import com.slack.api.methods.MethodsClient;
import dev.remedia.activities.approval.ApprovalMessenger;
import dev.remedia.activities.approval.ApprovalNotice;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.paging.ChannelException;
import dev.remedia.activities.slack.SlackCalls;
import dev.remedia.activities.slack.SlackMessageRef;
import dev.remedia.workflows.approval.ApprovalOutcome;
import dev.remedia.workflows.runbook.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks approvers in Slack with the official SDK: one Block Kit message with a reason field and Approve
 * and Reject buttons, to the group's channel or, without one, to each approver directly; once decided,
 * every message is updated to the outcome and loses its buttons.
 *
 * <p>Failures are classified through {@link SlackCalls}. A destination Slack refuses for good (an
 * unknown channel or user, a deleted message, a revoked token) is skipped with a warning: the request
 * stays decidable through the API and its deadline still runs, while retrying would only repeat the
 * mistake. Anything else is thrown as a retryable failure, after a rate limit's Retry-After.
 */
public final class SlackApprovalMessenger implements ApprovalMessenger {

  private static final Logger LOG = LoggerFactory.getLogger(SlackApprovalMessenger.class);

  private final MethodsClient slack;

  /** @param slack a client that carries the bot token ({@code Slack#methods(token)}) */
  public SlackApprovalMessenger(MethodsClient slack) {
    this.slack = slack;
  }

  /**
   * A retry after a transient failure asks everyone again, so with direct messages someone asked
   * before the failure gets the request twice; a duplicate is better than an approver never asked.
   */
  @Override
  public List<String> ask(ApprovalNotice notice, String channel, List<Person> approvers) {
    List<String> destinations = new ArrayList<>();
    if (channel != null && !channel.isBlank()) {
      destinations.add(channel.strip());
    } else {
      for (Person approver : approvers) {
        if (approver.slackUserId() == null || approver.slackUserId().isBlank()) {
          LOG.info("Approval {}: {} has no Slack user id and is not asked in Slack", notice.approvalId(), approver.name());
        } else {
          destinations.add(approver.slackUserId().strip());
        }
      }
    }
    List<String> posted = new ArrayList<>();
    for (String destination : destinations) {
      try {
        SlackMessageRef sent =
            SlackCalls.post(
                slack, destination, SlackApprovalMessages.requestText(notice),
                SlackApprovalMessages.request(notice, approvers.size()), null);
        posted.add(sent.ref());
      } catch (ChannelException e) {
        skipOrRetry(e, "Approval " + notice.approvalId() + " could not be posted to " + destination);
      }
    }
    return posted;
  }

  @Override
  public void show(ApprovalNotice notice, ApprovalOutcome outcome, List<String> messages) {
    for (String message : messages) {
      try {
        SlackCalls.update(
            slack, SlackMessageRef.parse(message), SlackApprovalMessages.decidedText(notice, outcome),
            SlackApprovalMessages.decided(notice, outcome));
      } catch (ChannelException e) {
        skipOrRetry(e, "Approval " + notice.approvalId() + " could not show its outcome on message " + message);
      }
    }
  }

  private static void skipOrRetry(ChannelException e, String what) {
    switch (e.kind()) {
      case PERMANENT, OPTED_OUT -> LOG.warn("{}: {}; skipped", what, e.getMessage());
      case RATE_LIMITED -> throw ApplicationFailure.newFailureWithCauseAndDelay(
          what + ": " + e.getMessage(), FailureType.UNREACHABLE.name(), null, e.retryAfter());
      case TRANSIENT -> throw FailureType.UNREACHABLE.retryable(what + ": " + e.getMessage(), null);
    }
  }
}
