package dev.remedia.activities.store;

import dev.remedia.workflows.paging.PageDelivery;

/**
 * Where a page stands: the channel outcomes of {@link PageDelivery}, plus the two states only the read
 * model knows. A later report replaces an earlier one only when it says more, so a late "sent" from a
 * channel never hides a failure it reported before.
 */
public enum PageStatus {
  /** Claimed by a send that has not recorded its outcome yet. */
  SENDING(0),
  SENT(1),
  ROLLED_UP(1),
  DELIVERED(2),
  FAILED(3),
  OPTED_OUT(3),
  NO_ANSWER(3),
  /** Never sent: paging had stopped while the page waited its turn. */
  CANCELLED(3);

  private final int rank;

  PageStatus(int rank) {
    this.rank = rank;
  }

  public static PageStatus of(PageDelivery delivery) {
    return valueOf(delivery.name());
  }

  /** Whether a page in this status reached someone, who should hear how it was settled. */
  public boolean reachedSomeone() {
    return this == SENT || this == ROLLED_UP || this == DELIVERED;
  }

  /**
   * Whether the channel took the page and it went out: delivered, sent, in a rollup, or a call nobody
   * answered. A failed, opted-out, withdrawn or unfinished send did not.
   */
  public boolean sent() {
    return reachedSomeone() || this == NO_ANSWER;
  }

  boolean supersedes(PageStatus current) {
    return rank > current.rank;
  }
}
