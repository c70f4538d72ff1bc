package dev.remedia.workflows.paging;

/** What became of a page. */
public enum PageDelivery {
  /** Handed to the channel (Slack accepted the message, Twilio queued the text or call). */
  SENT,
  /** The channel confirmed it reached the person. */
  DELIVERED,
  /** It could not be delivered: the next contact is tried at once. */
  FAILED,
  /** The number opted out with STOP: the next contact is tried at once. */
  OPTED_OUT,
  /** A burst to the same destination was folded into one message ("12 more incidents"). */
  ROLLED_UP,
  /** The call was not answered, or a voicemail took it. */
  NO_ANSWER;

  /** Whether the escalation should try the recipient's next contact at once. */
  public boolean movesOn() {
    return this == FAILED || this == OPTED_OUT || this == NO_ANSWER;
  }
}
