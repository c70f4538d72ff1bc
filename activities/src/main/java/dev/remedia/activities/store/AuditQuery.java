package dev.remedia.activities.store;

import java.time.Instant;

/**
 * A page of the audit log, newest first; every filter is optional (null).
 *
 * @param action only this action, exactly
 * @param actionPrefix only actions that start with this text, such as {@code run.}
 * @param from only entries at or after this time
 * @param before only entries before this time
 * @param after continue after this cursor, or null for the first page
 */
public record AuditQuery(
    String actor,
    String action,
    String actionPrefix,
    String objectType,
    String objectId,
    String outcome,
    Instant from,
    Instant before,
    int limit,
    PageCursor after) {

  public static final int MAX_LIMIT = 200;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
    if (action != null && actionPrefix != null) {
      throw new IllegalArgumentException("filter on an action or on an action prefix, not both");
    }
  }
}
