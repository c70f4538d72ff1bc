package dev.remedia.activities.paging;

import dev.remedia.activities.store.PageStore;
import java.util.Collection;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the outbox passes pages through right before a channel call: it answers which may still go out
 * and holds those in flight until the call returns, so that a stop request can wait for them (see
 * {@link StopRequests}) instead of racing them.
 */
interface PageGate {

  /** Which of these pages may go out now; those are in flight until {@link #close}. */
  Set<String> open(Collection<String> pageIds);

  /** The channel call for these pages returned, whatever its outcome. */
  void close(Collection<String> pageIds);

  /** The gate over the pages' rows, shared by every Remedia process on the database. */
  static PageGate stored(PageStore pages) {
    return new PageGate() {
      private static final Logger LOG = LoggerFactory.getLogger(PageGate.class);

      @Override
      public Set<String> open(Collection<String> pageIds) {
        return pages.handOver(pageIds);
      }

      @Override
      public void close(Collection<String> pageIds) {
        try {
          pages.landed(pageIds);
        } catch (DataAccessException e) {
          // The call is over either way; a stop request waits for these pages until its bound.
          LOG.warn("Pages {} stay marked in flight: {}", pageIds, e.getMessage());
        }
      }
    };
  }
}
