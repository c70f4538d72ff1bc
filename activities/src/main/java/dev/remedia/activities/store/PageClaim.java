package dev.remedia.activities.store;

/**
 * The row a send works on.
 *
 * @param fresh true when this call created it; false when an earlier attempt did
 */
public record PageClaim(StoredPage page, boolean fresh) {}
