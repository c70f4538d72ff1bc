package dev.remedia.activities.store;

import dev.remedia.workflows.approval.ApprovalStatus;

/**
 * A listing of gates, newest first.
 *
 * @param status only gates in this status, or null for all
 * @param after continue after this cursor, or null for the first page
 */
public record ApprovalQuery(ApprovalStatus status, int limit, PageCursor after) {

  public static final int MAX_LIMIT = 200;

  public ApprovalQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
  }
}
