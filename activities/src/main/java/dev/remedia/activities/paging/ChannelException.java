package dev.remedia.activities.paging;

import java.time.Duration;

/** A channel refused or failed a send; the adapter classifies it once, here. */
public final class ChannelException extends Exception {

  public enum Kind {
    /** Try again later: a network error or a 5xx. */
    TRANSIENT,
    /** The channel asked us to slow down; {@link #retryAfter()} says for how long. */
    RATE_LIMITED,
    /** It will never work for this address: an invalid number, an unknown Slack channel. */
    PERMANENT,
    /** The number opted out with STOP (Twilio error 21610). */
    OPTED_OUT
  }

  private final Kind kind;
  private final Duration retryAfter;

  public ChannelException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public static ChannelException transientFailure(String message, Throwable cause) {
    return new ChannelException(Kind.TRANSIENT, message, Duration.ZERO, cause);
  }

  public static ChannelException rateLimited(Duration retryAfter, String message) {
    return new ChannelException(Kind.RATE_LIMITED, message, retryAfter, null);
  }

  public static ChannelException permanent(String message, Throwable cause) {
    return new ChannelException(Kind.PERMANENT, message, Duration.ZERO, cause);
  }

  public static ChannelException optedOut(String message) {
    return new ChannelException(Kind.OPTED_OUT, message, Duration.ZERO, null);
  }

  public Kind kind() {
    return kind;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
