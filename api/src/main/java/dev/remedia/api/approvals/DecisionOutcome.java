package dev.remedia.api.approvals;

import dev.remedia.workflows.approval.BallotResult;

/**
 * What became of a vote, with a sentence for the person who cast it.
 *
 * @param result the gate's state after an accepted vote; null otherwise
 */
public record DecisionOutcome(Kind kind, String message, BallotResult result) {

  public enum Kind {
    /** Counted. */
    ACCEPTED,
    /** The person may not decide this request: not an approver, or its requester. */
    FORBIDDEN,
    /** The gate or the vote stands in the way: decided already, expired, a second vote. */
    CONFLICT,
    /** A rejection without a reason. */
    INVALID,
    /** No such approval. */
    NOT_FOUND
  }
}
