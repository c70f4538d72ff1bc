package dev.remedia.api.approvals;

import dev.remedia.workflows.approval.BlastRadius;
import dev.remedia.workflows.approval.Decision;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A gate as the API shows it.
 *
 * @param approvers the people who may decide
 * @param outcome once decided, the line the run's timeline shows
 */
@Serdeable
public record ApprovalView(
    String id,
    @Nullable String runId,
    String title,
    String action,
    @Nullable String reason,
    @Nullable BlastRadius blastRadius,
    List<String> links,
    String approverGroup,
    List<String> approvers,
    int required,
    @Nullable String requester,
    String status,
    Instant createdAt,
    Instant deadlineAt,
    @Nullable Instant escalatedAt,
    @Nullable Instant decidedAt,
    @Nullable String outcome,
    List<Vote> votes) {

  @Serdeable
  public record Vote(String person, String vote, @Nullable String reason, String via, Instant at) {

    static Vote of(Decision decision) {
      return new Vote(
          decision.person(), decision.vote().name(), decision.reason(), decision.via(),
          Instant.ofEpochMilli(decision.atMillis()));
    }
  }

  @Serdeable
  public record Listing(List<ApprovalView> items, @Nullable String next) {}

  /** The answer to a vote that was counted. */
  @Serdeable
  public record Counted(String approvalId, String status, int approvals, int required, String message) {}
}
