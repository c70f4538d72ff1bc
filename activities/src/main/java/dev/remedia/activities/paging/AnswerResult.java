package dev.remedia.activities.paging;

/**
 * What became of an answer, with a sentence to show the person (an ephemeral Slack message, an SMS
 * reply, a spoken line).
 */
public record AnswerResult(Outcome outcome, String message) {

  public enum Outcome {
    /** Handed to the escalation; paging stops. */
    ACCEPTED,
    /** The responder is not a person in the on-call configuration. */
    NOT_ALLOWED,
    /** Someone settled it already; the message says who, how and when. */
    ALREADY_SETTLED,
    /** No page or reply code matches. */
    UNKNOWN_PAGE
  }
}
