package dev.remedia.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The input of an approval workflow: the request, and the run that asked (null when none). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalGate(String approvalId, String runId, ApprovalRequest request) {}
