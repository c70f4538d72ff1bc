package dev.remedia.activities.store;

import java.util.List;

/** @param next the cursor of the following page, or null on the last page */
public record RunPage(List<StoredRun> runs, PageCursor next) {}
