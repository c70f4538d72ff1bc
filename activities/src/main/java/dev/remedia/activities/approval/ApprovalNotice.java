package dev.remedia.activities.approval;

import dev.remedia.workflows.approval.ApprovalRequest;
import java.time.Instant;

/**
 * A request as approvers are shown it.
 *
 * @param approvalId the id buttons carry and {@code /api/approvals/{id}} takes
 * @param runId the run that asked, or null
 * @param deadline when the gate expires or escalates
 * @param link the request in Remedia's API, or null when no public URL is configured
 */
public record ApprovalNotice(
    String approvalId, String runId, ApprovalRequest request, Instant deadline, String link) {}
