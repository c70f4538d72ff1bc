package dev.remedia.activities.store;

import java.util.List;

/** One page of listed pages and the cursor of the next, or null on the last. */
public record PageListing(List<StoredPage> pages, PageCursor next) {}
