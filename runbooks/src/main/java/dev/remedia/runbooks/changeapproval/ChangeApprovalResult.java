package dev.remedia.runbooks.changeapproval;

import java.util.List;

/** An approved change: the gate, and who approved it. */
public record ChangeApprovalResult(String approvalId, List<String> approvedBy) {}
