package dev.remedia.api.paging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * One page as {@code GET /api/pages} lists it. A phone number shows only its last four digits: the
 * listing is for following delivery, and numbers are personal data.
 *
 * @param level the level's index in the policy, or -1 for the fallback
 * @param status SENDING, SENT, DELIVERED, FAILED, OPTED_OUT, ROLLED_UP, NO_ANSWER or CANCELLED
 */
@Serdeable
public record PageView(
    String id,
    String escalationId,
    @Nullable String incidentId,
    int round,
    int level,
    @Nullable String person,
    String channel,
    String address,
    String status,
    @Nullable String detail,
    @Nullable String summary,
    Instant createdAt,
    @Nullable Instant sentAt,
    @Nullable Instant updatedAt,
    boolean settleNotified) {

  /** A page of pages; pass {@code next} back as {@code cursor} for the following one. */
  @Serdeable
  public record Listing(List<PageView> items, @Nullable String next) {}
}
