package dev.remedia.activities.store;

import java.util.List;

/** One page of incidents and the cursor of the next page, or null on the last page. */
public record IncidentPage(List<StoredIncident> incidents, PageCursor next) {}
