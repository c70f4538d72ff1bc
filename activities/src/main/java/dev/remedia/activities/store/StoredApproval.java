package dev.remedia.activities.store;

import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.Decision;
import java.time.Instant;
import java.util.List;

/**
 * A gate as the read model holds it.
 *
 * @param approvers the people who may decide
 * @param outcomeText the outcome as a run's timeline shows it, once decided
 * @param messages references to the Slack messages asking; empty when none were posted
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
    List<Decision> votes) {}
