package dev.remedia.workflows.approval;

import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.paging.Escalations;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import dev.remedia.workflows.runbook.Failures;
import dev.remedia.workflows.runbook.RunJournal;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Waits for a gate's decision. Votes change the state only in {@link #decide}, after the validator;
 * the deadline changes it only in {@link #await}. Both run on the workflow's one thread, so a vote
 * racing the deadline is either counted before it or refused after it, never both.
 */
public class ApprovalWorkflowImpl implements ApprovalWorkflow {

  // Writes to the read model and Slack: retried for as long as they take to come back.
  private final ApprovalActivities activities =
      Workflow.newActivityStub(
          ApprovalActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  private final Set<String> approvers = new HashSet<>();
  private final List<Decision> decisions = new ArrayList<>();
  private ApprovalGate gate;
  private boolean opened;
  private ApprovalStatus status = ApprovalStatus.PENDING;
  private String reason;
  private String escalationId;

  @Override
  public ApprovalOutcome await(ApprovalGate gate) {
    this.gate = gate;
    ApprovalRequest request = gate.request();
    try {
      long deadline = now() + request.deadlineSeconds() * 1000;
      approvers.addAll(activities.opened(gate, deadline));
      opened = true;
      activities.ask(gate.approvalId(), request.approvers());
      if (!decidedBy(deadline) && request.onDeadline() == DeadlineAction.ESCALATE) {
        escalate(request, now() + request.extensionSeconds() * 1000);
      }
      if (status == ApprovalStatus.PENDING) {
        status = ApprovalStatus.EXPIRED;
        reason = "nobody decided by the deadline";
      }
    } catch (TemporalFailure failure) {
      // A cancellation arriving during an activity comes wrapped in its ActivityFailure.
      if (!RunJournal.cancelRequested()) {
        throw failure;
      }
      status = ApprovalStatus.CANCELLED;
      reason = "the run that asked was cancelled";
      Workflow.newDetachedCancellationScope(this::finish).run();
      throw failure;
    }
    return finish();
  }

  @Override
  public void validate(Ballot ballot) {
    if (!opened && status == ApprovalStatus.PENDING) {
      throw Refusal.NOT_PENDING.failure("This request is still being opened; try again in a moment.");
    }
    if (status != ApprovalStatus.PENDING) {
      throw Refusal.NOT_PENDING.failure("This request is already " + describeStatus() + ".");
    }
    if (ballot.person() != null && ballot.person().equals(gate.request().requester())) {
      throw Refusal.OWN_REQUEST.failure("You asked for this approval, so someone else must decide it.");
    }
    if (ballot.person() == null || !approvers.contains(ballot.person())) {
      throw Refusal.NOT_AN_APPROVER.failure(
          "You are not in the approver group '" + gate.request().approvers() + "'"
              + (gate.request().escalateTo() == null ? "" : " or '" + gate.request().escalateTo() + "'")
              + " for this request.");
    }
    if (decisions.stream().anyMatch(d -> d.person().equals(ballot.person()))) {
      throw Refusal.ALREADY_VOTED.failure("You already voted on this request.");
    }
    if (ballot.vote() == Vote.REJECT && (ballot.reason() == null || ballot.reason().isBlank())) {
      throw Refusal.REASON_REQUIRED.failure("Say why you reject it: a rejection needs a reason.");
    }
  }

  @Override
  public BallotResult decide(Ballot ballot) {
    Decision decision =
        new Decision(ballot.person(), ballot.vote(), ballot.reason(), ballot.via(), now());
    decisions.add(decision);
    int approvals = approvals();
    if (ballot.vote() == Vote.REJECT) {
      status = ApprovalStatus.REJECTED;
      reason = ballot.reason();
    } else if (approvals >= gate.request().required()) {
      status = ApprovalStatus.APPROVED;
    }
    BallotResult result = new BallotResult(status, approvals, gate.request().required());
    activities.voted(gate.approvalId(), decision);
    return result;
  }

  /** Waits until decided or {@code deadline}; whether it was decided. */
  private boolean decidedBy(long deadline) {
    long remaining = deadline - now();
    return remaining > 0
        ? Workflow.await(Duration.ofMillis(remaining), () -> status != ApprovalStatus.PENDING)
        : status != ApprovalStatus.PENDING;
  }

  /** Asks the escalation group and pages the policy, each when the request names it, then waits again. */
  private void escalate(ApprovalRequest request, long deadline) {
    if (request.escalateTo() != null) {
      approvers.addAll(activities.escalated(gate.approvalId(), request.escalateTo(), deadline));
      activities.ask(gate.approvalId(), request.escalateTo());
    }
    if (request.pagePolicy() != null) {
      page(request);
    }
    decidedBy(deadline);
  }

  /** Paging that cannot start must not lose the gate: the group was asked, and the deadline stands. */
  private void page(ApprovalRequest request) {
    try {
      escalationId =
          Escalations.start(
              new EscalationRequest(
                  "approval-" + gate.approvalId(), null, null, gate.runId(), request.pagePolicy(),
                  "Approval waiting: " + request.title(), "WARNING", null));
    } catch (TemporalFailure failure) {
      Workflow.getLogger(ApprovalWorkflowImpl.class)
          .warn("Approval {} could not page {}: {}", gate.approvalId(), request.pagePolicy(), Failures.reason(failure));
    }
  }

  /** Records the outcome, stops paging, and returns once no vote is still being recorded. */
  private ApprovalOutcome finish() {
    Workflow.await(Workflow::isEveryHandlerFinished);
    ApprovalOutcome outcome = new ApprovalOutcome(gate.approvalId(), status, decisions, reason);
    activities.decided(gate.approvalId(), outcome);
    if (escalationId != null) {
      String by = decisions.isEmpty() ? "remedia" : decisions.get(decisions.size() - 1).person();
      Escalations.stop(escalationId, new Settlement(SettleAction.RESOLVE, by, "approval", now(), false));
    }
    return outcome;
  }

  private int approvals() {
    return (int) decisions.stream().filter(d -> d.vote() == Vote.APPROVE).count();
  }

  private String describeStatus() {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
