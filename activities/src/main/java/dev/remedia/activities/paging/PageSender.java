package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.Settlement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One channel's adapter. It only talks to the vendor: pacing, rollups, idempotency and the journal are
 * the caller's, so every adapter gets them the same way.
 */
public interface PageSender {

  PageChannel channel();

  /** Which queue a page waits in: a Slack conversation, or the SMS sender number. */
  String paceKey(OutgoingPage page);

  /** How much of the destination's one-per-second budget the page uses (SMS segments). */
  default int cost(OutgoingPage page) {
    return 1;
  }

  SentMessage send(OutgoingPage page) throws ChannelException;

  /** One message standing for a burst of pages to the same destination ("12 more incidents"). */
  SentMessage sendRollup(String address, List<OutgoingPage> pages) throws ChannelException;

  /**
   * Looks for a page sent at or after {@code since} whose outcome was never recorded (the process died
   * mid-send), so a retry does not send it again.
   */
  Optional<SentMessage> findSent(OutgoingPage page, Instant since) throws ChannelException;

  /**
   * Tells the recipient of a sent page how it was settled: Slack updates the message; SMS sends a short
   * notice; voice does nothing.
   */
  void settle(OutgoingPage page, SentMessage sent, Settlement settlement) throws ChannelException;

  /**
   * Whether a burst of settle notices to one address may go out as one {@link #settleRollup}. A text
   * can say "12 incidents were acknowledged"; a Slack page's own message must lose its buttons, so
   * Slack tells each page on its own.
   */
  default boolean rollsUpNotices() {
    return false;
  }

  /** One message telling the recipient how several of their pages were settled; see {@link #rollsUpNotices}. */
  default void settleRollup(String address, List<SettleNotice> notices) throws ChannelException {
    throw new UnsupportedOperationException(channel() + " tells each page of its settlement on its own");
  }
}
