package dev.remedia.api.slack;

import dev.remedia.activities.oncall.Person;
import dev.remedia.api.approvals.ApprovalDecisions;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.approvals.DecisionOutcome;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.workflows.approval.Vote;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An approval request's Approve and Reject buttons: the Slack user becomes the person the operator
 * configuration names, the vote (with what they typed in the reason field) goes to
 * {@link ApprovalDecisions}, and the person is told privately what it did, counted or refused.
 */
@Singleton
class ApprovalActionHandler implements SlackActionHandler {

  static final String APPROVE = "approval.approve";
  static final String REJECT = "approval.reject";
  static final String NOT_CONFIGURED =
      "You are not in Remedia's on-call configuration, so you cannot decide approval requests. "
          + "Ask an operator to add your Slack user id to the people in it.";
  private static final String VIA = "slack";

  private final ApprovalDecisions decisions;
  private final OperatorConfig config;
  private final SlackClickAnswers clicks;
  private final AuditTrail audit;

  ApprovalActionHandler(
      ApprovalDecisions decisions, OperatorConfig config, SlackClickAnswers clicks, AuditTrail audit) {
    this.decisions = decisions;
    this.config = config;
    this.clicks = clicks;
    this.audit = audit;
  }

  @Override
  public String prefix() {
    return "approval.";
  }

  @Override
  public void handle(SlackInteraction interaction) {
    // Typing a reason is no decision; Slack reports it only with dispatch_action, which is not set.
    if (interaction.actionId().equals(SlackInteractionReader.REASON_INPUT)) {
      return;
    }
    Vote vote =
        switch (interaction.actionId()) {
          case APPROVE -> Vote.APPROVE;
          case REJECT -> Vote.REJECT;
          default -> throw ApiProblem.badRequest(
              "unknown approval action '" + interaction.actionId() + "'; the approval buttons are " + APPROVE + " and " + REJECT);
        };
    String approvalId = interaction.value();
    if (approvalId == null) {
      throw ApiProblem.badRequest("the " + interaction.actionId() + " button carries no approval id in its value");
    }
    Optional<Person> person = config.onCall().personBySlackUser(interaction.userId());
    if (person.isEmpty()) {
      audit.record(
          interaction.userId(), "approval." + vote.name().toLowerCase(Locale.ROOT), "approval", approvalId,
          interaction.remoteAddress(), "refused",
          Map.of("via", VIA, "refusal", "the Slack user is not in the on-call configuration"));
      clicks.replyWith(interaction, NOT_CONFIGURED);
      return;
    }
    String name = person.get().name();
    clicks.answer(
        interaction,
        "the " + vote.name().toLowerCase(Locale.ROOT) + " of approval " + approvalId + " by " + name,
        () -> decisions.decide(approvalId, name, vote, interaction.reason(), VIA, interaction.remoteAddress()),
        DecisionOutcome::message);
  }
}
