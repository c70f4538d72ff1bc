package dev.remedia.activities.store;

import dev.remedia.workflows.runbook.RunStatus;

/**
 * A page of runs, newest first.
 *
 * @param status only runs in this status, or null for all
 * @param runbook only runs of this runbook, or null for all
 * @param after continue after this cursor, or null for the first page
 */
public record RunQuery(RunStatus status, String runbook, int limit, PageCursor after) {

  public static final int MAX_LIMIT = 200;

  public RunQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
  }
}
