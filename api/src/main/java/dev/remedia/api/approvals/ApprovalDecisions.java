package dev.remedia.api.approvals;

import dev.remedia.activities.store.ApprovalStore;
import dev.remedia.activities.store.StoredApproval;
import dev.remedia.api.access.Actor;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.Ids;
import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.ApprovalWorkflow;
import dev.remedia.workflows.approval.Ballot;
import dev.remedia.workflows.approval.BallotResult;
import dev.remedia.workflows.approval.Refusal;
import dev.remedia.workflows.approval.Vote;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Casts a vote on a gate, from Slack or the API. The gate's validator decides who may vote; this
 * turns its refusal, or Temporal's answer for a gate that has ended, into a sentence and a kind the
 * caller maps to an HTTP status or an ephemeral Slack message. Every vote, counted or refused, is
 * audited with who, how and the reason.
 */
@Singleton
public class ApprovalDecisions {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final WorkflowClient temporal;
  private final ApprovalStore approvals;
  private final AuditTrail audit;

  ApprovalDecisions(WorkflowClient temporal, ApprovalStore approvals, AuditTrail audit) {
    this.temporal = temporal;
    this.approvals = approvals;
    this.audit = audit;
  }

  /**
   * @param person who votes, as named in the operator configuration
   * @param via {@code slack} or {@code api}
   * @throws ApiProblem 503 when Temporal cannot take the vote now
   */
  public DecisionOutcome decide(
      String approvalId, String person, Vote vote, String reason, String via, String remoteAddress) {
    return decide(approvalId, person, null, vote, reason, via, remoteAddress);
  }

  /**
   * A vote through the API, for the person the actor names; the audit entry also names the token.
   *
   * @throws ApiProblem 503 when Temporal cannot take the vote now
   */
  public DecisionOutcome decide(String approvalId, Actor actor, Vote vote, String reason, String remoteAddress) {
    return decide(approvalId, actor.name(), actor, vote, reason, "api", remoteAddress);
  }

  private DecisionOutcome decide(
      String approvalId, String person, Actor actor, Vote vote, String reason, String via, String remoteAddress) {
    if (Ids.uuid(approvalId).isEmpty()) {
      return new DecisionOutcome(
          DecisionOutcome.Kind.NOT_FOUND, "Remedia knows no approval with that id; approval ids are UUIDs.", null);
    }
    Optional<StoredApproval> approval = approvals.find(approvalId);
    DecisionOutcome outcome =
        approval.isEmpty()
            ? new DecisionOutcome(DecisionOutcome.Kind.NOT_FOUND, "Remedia knows no approval '" + approvalId + "'.", null)
            : cast(approval.get(), new Ballot(person, vote, reason, via));
    if (approval.isPresent()) {
      audited(approvalId, person, actor, vote, reason, via, remoteAddress, outcome);
    }
    return outcome;
  }

  private DecisionOutcome cast(StoredApproval approval, Ballot ballot) {
    if (approval.status() != ApprovalStatus.PENDING) {
      return ended(approval);
    }
    try {
      BallotResult result =
          temporal
              .newWorkflowStub(ApprovalWorkflow.class, ApprovalWorkflow.workflowId(approval.id()))
              .decide(ballot);
      return new DecisionOutcome(DecisionOutcome.Kind.ACCEPTED, counted(ballot, result), result);
    } catch (WorkflowUpdateException e) {
      return Refusal.of(e)
          .map(ApprovalDecisions::refused)
          .orElseThrow(() -> e);
    } catch (WorkflowNotFoundException e) {
      // The gate ended between the read and the vote: the read model has, or will have, its outcome.
      return ended(approvals.find(approval.id()).orElse(approval));
    } catch (WorkflowServiceException e) {
      throw ApiProblem.unavailable("Temporal did not take the vote; retry", RETRY_AFTER, e);
    }
  }

  private static DecisionOutcome refused(Refusal.Refused refused) {
    DecisionOutcome.Kind kind =
        switch (refused.refusal()) {
          case NOT_AN_APPROVER, OWN_REQUEST -> DecisionOutcome.Kind.FORBIDDEN;
          case ALREADY_VOTED, NOT_PENDING -> DecisionOutcome.Kind.CONFLICT;
          case REASON_REQUIRED -> DecisionOutcome.Kind.INVALID;
        };
    return new DecisionOutcome(kind, refused.message(), null);
  }

  private static DecisionOutcome ended(StoredApproval approval) {
    String status = approval.status().name().toLowerCase(Locale.ROOT);
    String message =
        approval.status() == ApprovalStatus.PENDING
            ? "This request has just been decided; reload it to see the outcome."
            : "This request is already " + status + (approval.outcomeText() == null ? "." : ": " + approval.outcomeText() + ".");
    return new DecisionOutcome(DecisionOutcome.Kind.CONFLICT, message, null);
  }

  private static String counted(Ballot ballot, BallotResult result) {
    return switch (result.status()) {
      case APPROVED -> "Approved by " + ballot.person() + ". The run goes ahead.";
      case REJECTED -> "Rejected by " + ballot.person() + ". The run will not go ahead.";
      default -> "Your approval is counted: " + result.approvals() + " of " + result.required() + " needed.";
    };
  }

  private void audited(
      String approvalId, String person, Actor actor, Vote vote, String reason, String via, String remoteAddress,
      DecisionOutcome outcome) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("via", via);
    if (reason != null) {
      detail.put("reason", reason);
    }
    if (outcome.kind() != DecisionOutcome.Kind.ACCEPTED) {
      detail.put("refusal", outcome.message());
    }
    String action = "approval." + vote.name().toLowerCase(Locale.ROOT);
    String result = outcome.kind() == DecisionOutcome.Kind.ACCEPTED ? "counted" : "refused";
    if (actor == null) {
      audit.record(person, action, "approval", approvalId, remoteAddress, result, detail);
    } else {
      audit.record(actor, action, "approval", approvalId, remoteAddress, result, detail);
    }
  }
}
