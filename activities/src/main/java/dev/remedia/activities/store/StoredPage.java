package dev.remedia.activities.store;

import dev.remedia.workflows.paging.PageChannel;
import java.time.Instant;

/**
 * A page as the read model holds it.
 *
 * @param person the person paged, or null for a Slack channel
 * @param address the Slack user or channel id, the E.164 number, or a name for the console
 * @param replyCode the escalation's reply code when the page was sent
 * @param providerRef the channel's handle on the message (shared by the pages of a rollup), or null
 *     until sent
 * @param settleNotified whether the recipient was told how the escalation was settled
 */
public record StoredPage(
    String id,
    String escalationId,
    String incidentId,
    int round,
    int level,
    String person,
    PageChannel channel,
    String address,
    String summary,
    String severity,
    String link,
    String replyCode,
    PageStatus status,
    String providerRef,
    String detail,
    Instant createdAt,
    Instant sentAt,
    Instant updatedAt,
    boolean settleNotified) {

  /** Leaves the address out: a phone number is personal data. */
  @Override
  public String toString() {
    return "StoredPage[" + id + ", " + channel + ", " + status + "]";
  }
}
