package dev.remedia.workflows.approval;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * Why a gate's validator turned a vote away, as the failure type the caller receives, so the API and
 * Slack can answer 403 or 409 and say why without parsing messages.
 */
public enum Refusal {
  /** Not in the approver group. */
  NOT_AN_APPROVER(true),
  /** The person who asked cannot approve their own request. */
  OWN_REQUEST(true),
  /** One vote per person. */
  ALREADY_VOTED(false),
  /** Decided, expired or cancelled already. */
  NOT_PENDING(false),
  /** A rejection must say why. */
  REASON_REQUIRED(false);

  private final boolean forbidden;

  Refusal(boolean forbidden) {
    this.forbidden = forbidden;
  }

  /** Whether it is about who votes (403) rather than the state of the gate or the vote (409/400). */
  public boolean forbidden() {
    return forbidden;
  }

  /**
   * The failure a validator throws. SDK 1.38 rejects an update with a validator's failure serialized
   * twice, which loses its type (temporalio/sdk-java#2875, fixed after 1.38), so the refusal also
   * leads the message, where {@link #of} finds it.
   */
  ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(name() + SEPARATOR + message, name());
  }

  /** The refusal behind a rejected update, and the sentence for the person, if it was one. */
  public static Optional<Refused> of(Throwable rejected) {
    for (Throwable cause = rejected; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        String message = failure.getOriginalMessage();
        int separator = message == null ? -1 : message.indexOf(SEPARATOR);
        if (separator > 0) {
          String name = message.substring(0, separator);
          for (Refusal refusal : values()) {
            if (refusal.name().equals(name)) {
              return Optional.of(new Refused(refusal, message.substring(separator + SEPARATOR.length())));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A refusal with the sentence to show the person who voted. */
  public record Refused(Refusal refusal, String message) {}

  private static final String SEPARATOR = ": ";
}
