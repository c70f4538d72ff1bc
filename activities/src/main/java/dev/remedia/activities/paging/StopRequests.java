package dev.remedia.activities.paging;

import dev.remedia.activities.store.EscalationStore;
import dev.remedia.activities.store.PageStore;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.StopScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws waiting pages the moment someone answers, ahead of the escalation recording its settlement
 * a few workflow tasks later. The mark is set before the answer is handed to Temporal, as tentative,
 * because handing it over takes tens of milliseconds under load and pages checked meanwhile went out
 * after the acknowledgement. Best effort by design: the answer reaches the workflow anyway, which stops
 * paging itself, so a database hiccup here must not fail the answer.
 *
 * <p>Pages already handed to a channel when the mark is set cannot be called back, so the answer waits
 * for them to land (bounded by {@link #LANDING_WAIT}) and takes its time after: the time an answer
 * carries is one after which no page of its escalations goes out. Without the wait, a page checked a
 * few milliseconds before the mark reached someone a few milliseconds after their acknowledgement.
 */
public final class StopRequests {

  private static final Logger LOG = LoggerFactory.getLogger(StopRequests.class);

  /**
   * How long a tentative mark is honoured: far beyond a signal's round trip, and short enough that a
   * process dying between marking and signalling costs a minute of pages, not the whole escalation.
   */
  static final Duration TENTATIVE_FOR = Duration.ofMinutes(1);

  /**
   * How long an answer waits for pages in flight: a channel call takes well under a second, and a Slack
   * click must be answered within three.
   */
  static final Duration LANDING_WAIT = Duration.ofSeconds(2);

  private static final long POLL_MILLIS = 5;

  private final EscalationStore escalations;
  private final PageStore pages;
  private final Clock clock;
  private final Duration landingWait;

  public StopRequests(PagingStores stores, Clock clock) {
    this(stores, clock, LANDING_WAIT);
  }

  StopRequests(PagingStores stores, Clock clock, Duration landingWait) {
    this.escalations = stores.escalations();
    this.pages = stores.pages();
    this.clock = clock;
    this.landingWait = landingWait;
  }

  /** Before an answer to one of the escalation's pages is handed to the escalation. */
  public StopRequest forEscalation(String escalationId) {
    return hold(StopScope.escalation(escalationId));
  }

  /** Before an acknowledgement or resolution of the incident is handed to the incident. */
  public StopRequest forIncident(String incidentId) {
    return hold(StopScope.incident(incidentId));
  }

  private StopRequest hold(StopScope scope) {
    Instant marked = clock.instant();
    bestEffort(scope, () -> escalations.holdStop(scope, marked, marked.plus(TENTATIVE_FOR)));
    try {
      awaitLanding(scope);
    } catch (DataAccessException e) {
      LOG.warn("Could not tell whether pages of {} are being sent; the answer does not wait for them: {}", scope, e.getMessage());
    }
    return new StopRequest(scope, marked, clock.instant());
  }

  private void awaitLanding(StopScope scope) {
    long deadline = System.nanoTime() + landingWait.toNanos();
    Set<String> inFlight = pages.inFlight(scope);
    while (!inFlight.isEmpty()) {
      if (System.nanoTime() - deadline >= 0) {
        LOG.warn("Pages {} of {} were still being sent {} ms after the answer and may land after it",
            inFlight, scope, landingWait.toMillis());
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      inFlight = pages.inFlight(scope);
    }
  }

  private static void bestEffort(StopScope scope, Runnable write) {
    try {
      write.run();
    } catch (DataAccessException e) {
      LOG.warn("Pages of {} still queued go out until its escalation records its settlement: {}", scope, e.getMessage());
    }
  }

  /** A tentative mark, made firm or withdrawn once Temporal has answered. */
  public final class StopRequest {
    private final StopScope scope;
    private final Instant marked;
    private final Instant at;

    private StopRequest(StopScope scope, Instant marked, Instant at) {
      this.scope = scope;
      this.marked = marked;
      this.at = at;
    }

    /**
     * When paging stopped: the time the answer carries, taken once the pages in flight had landed, so
     * that no page reaches anyone after it.
     */
    public Instant at() {
      return at;
    }

    /** Temporal took the answer: the waiting pages stay withdrawn. */
    public void taken() {
      bestEffort(scope, () -> escalations.confirmStop(scope, marked));
    }

    /** Temporal refused the answer (nothing to settle, or unavailable): paging goes on. */
    public void refused() {
      bestEffort(scope, () -> escalations.releaseStop(scope, marked));
    }
  }
}
