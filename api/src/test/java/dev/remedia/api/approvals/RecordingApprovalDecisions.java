package dev.remedia.api.approvals;

import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.BallotResult;
import dev.remedia.workflows.approval.Vote;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the gates' decisions in tests that only need to see what reached them: it records
 * every vote and answers by the approval id's prefix ({@code forbidden-}, {@code conflict-}) or, for a
 * rejection without a reason, as the gate's validator does.
 */
@Singleton
@Replaces(ApprovalDecisions.class)
@Requires(property = RecordingApprovalDecisions.ENABLED)
public class RecordingApprovalDecisions extends ApprovalDecisions {

  public static final String ENABLED = "test.fake-approval-decisions";
  public static final String FORBIDDEN = "Only the approvers of fleet-leads can decide this request.";
  public static final String CONFLICT = "This request is already approved: APPROVED by bob via api.";
  public static final String REASON_REQUIRED = "Say why you reject it: a rejection needs a reason.";
  public static final String COUNTED = "Your approval is counted: 1 of 2 needed.";

  /** A vote as it reached the decisions. */
  public record Cast(String approvalId, String person, Vote vote, String reason, String via, String remoteAddress) {}

  private final List<Cast> cast = new CopyOnWriteArrayList<>();

  RecordingApprovalDecisions() {
    super(null, null, null);
  }

  @Override
  public DecisionOutcome decide(
      String approvalId, String person, Vote vote, String reason, String via, String remoteAddress) {
    cast.add(new Cast(approvalId, person, vote, reason, via, remoteAddress));
    if (approvalId.startsWith("forbidden-")) {
      return new DecisionOutcome(DecisionOutcome.Kind.FORBIDDEN, FORBIDDEN, null);
    }
    if (approvalId.startsWith("conflict-")) {
      return new DecisionOutcome(DecisionOutcome.Kind.CONFLICT, CONFLICT, null);
    }
    if (vote == Vote.REJECT && (reason == null || reason.isBlank())) {
      return new DecisionOutcome(DecisionOutcome.Kind.INVALID, REASON_REQUIRED, null);
    }
    return vote == Vote.APPROVE
        ? new DecisionOutcome(DecisionOutcome.Kind.ACCEPTED, COUNTED, new BallotResult(ApprovalStatus.PENDING, 1, 2))
        : new DecisionOutcome(
            DecisionOutcome.Kind.ACCEPTED, "Rejected by " + person + ". The run will not go ahead.",
            new BallotResult(ApprovalStatus.REJECTED, 0, 2));
  }

  public List<Cast> castOn(String approvalId) {
    return cast.stream().filter(c -> approvalId.equals(c.approvalId())).toList();
  }
}
