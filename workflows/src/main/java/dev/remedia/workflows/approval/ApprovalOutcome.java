package dev.remedia.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a gate ended, as the runbook sees it.
 *
 * @param approvalId the gate's id, as {@code GET /api/approvals/{id}} knows it
 * @param decisions every vote taken, in order
 * @param reason for a rejection the rejecter's reason; for an expiry or cancellation what happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalOutcome(
    String approvalId, ApprovalStatus status, List<Decision> decisions, String reason) {

  public ApprovalOutcome {
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  public boolean approved() {
    return status == ApprovalStatus.APPROVED;
  }

  /** Who approved, in the order they did. */
  public List<String> approvedBy() {
    return decisions.stream().filter(d -> d.vote() == Vote.APPROVE).map(Decision::person).toList();
  }

  /** The line a run's timeline shows: "APPROVED by alice via slack, bob via api". */
  public String describe() {
    return switch (status) {
      case APPROVED -> "APPROVED by "
          + decisions.stream()
              .filter(d -> d.vote() == Vote.APPROVE)
              .map(d -> d.person() + " via " + d.via())
              .collect(Collectors.joining(", "));
      case REJECTED -> decisions.stream()
          .filter(d -> d.vote() == Vote.REJECT)
          .findFirst()
          .map(d -> "REJECTED by " + d.person() + " via " + d.via() + ": " + d.reason())
          .orElse("REJECTED: " + reason);
      case EXPIRED, CANCELLED, PENDING -> status + ": " + reason;
    };
  }
}
