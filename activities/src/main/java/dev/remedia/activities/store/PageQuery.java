package dev.remedia.activities.store;

import dev.remedia.workflows.paging.PageChannel;

/**
 * A listing of pages, newest first; every filter is optional (null).
 *
 * @param after continue after this cursor, or null for the first page of results
 */
public record PageQuery(
    String incidentId, PageStatus status, PageChannel channel, int limit, PageCursor after) {

  public static final int MAX_LIMIT = 200;

  public PageQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
  }
}
