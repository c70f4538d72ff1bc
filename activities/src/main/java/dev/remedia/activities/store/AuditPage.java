package dev.remedia.activities.store;

import dev.remedia.activities.store.AuditLog.LoggedEntry;
import java.util.List;

/** @param next the cursor of the following page, or null on the last page */
public record AuditPage(List<LoggedEntry> entries, PageCursor next) {}
