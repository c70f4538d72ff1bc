package dev.remedia.activities.store;

import java.util.List;

/** One page of listed gates and the cursor of the next, or null on the last. */
public record ApprovalListing(List<StoredApproval> approvals, PageCursor next) {}
