package dev.remedia.activities.store;

import java.time.Instant;

/**
 * A page of incidents, newest first; every filter is optional (null).
 *
 * @param openedFrom only incidents opened at or after this time
 * @param openedBefore only incidents opened before this time
 */
public record IncidentQuery(
    String status,
    String source,
    String severity,
    Instant openedFrom,
    Instant openedBefore,
    int limit,
    PageCursor after) {

  public static final int MAX_LIMIT = 200;

  public IncidentQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
  }
}
