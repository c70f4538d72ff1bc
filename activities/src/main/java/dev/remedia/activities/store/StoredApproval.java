package dev.remedia.activities.store;

import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate as the read model holds it.
 *
 * @param approvers the people who may decide
 * @param outcomeText the outcome as a run's timeline shows it, once decided
 * @param messages references to the Slack messages that asked the group; null until it was asked
 * @param escalationMessages likewise for the escalation group
 */
public record StoredApproval(
    String id,
    String runId,
    ApprovalRequest request,
    List<String> approvers,
    ApprovalStatus status,
    Instant createdAt,
    Instant deadlineAt,
    Instant escalatedAt,
    Instant decidedAt,
    String outcomeText,
    List<String> messages,
    List<String> escalationMessages,
    List<Decision> votes) {

  /** Every message that asked someone, for showing the outcome on each. */
  public List<String> allMessages() {
    List<String> all = new ArrayList<>(messages == null ? List.of() : messages);
    all.addAll(escalationMessages == null ? List.of() : escalationMessages);
    return all;
  }
}
