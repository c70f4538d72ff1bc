package dev.remedia.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a vote did: the gate's status after it, and how many approvals it has of those it needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BallotResult(ApprovalStatus status, int approvals, int required) {}
