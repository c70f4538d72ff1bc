package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.PageDelivery;

/** Where the channels' inbound callbacks hand what they received, once verified. */
public interface PageAnswers {

  /** A person acknowledged or resolved from a channel. */
  AnswerResult answer(PageAnswer answer);

  /**
   * A channel reported on a page it sent earlier (Twilio's status callback), by its provider
   * reference. A failure moves the escalation to the recipient's next contact at once.
   */
  void delivery(String providerRef, PageDelivery delivery, String detail);

  /** A number sent STOP (true) or START (false); opted-out numbers are skipped. */
  void optOut(String phone, boolean optedOut);
}
