package dev.remedia.activities.paging;

import dev.remedia.activities.store.EscalationStore;
import dev.remedia.activities.store.StopScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws waiting pages the moment someone answers, ahead of the escalation recording its settlement
 * a few workflow tasks later. The mark is set before the answer is handed to Temporal, as tentative,
 * because handing it over takes tens of milliseconds under load and pages checked meanwhile went out
 * after the acknowledgement. Best effort by design: the answer reaches the workflow anyway, which stops
 * paging itself, so a database hiccup here must not fail the answer.
 */
public final class StopRequests {

  private static final Logger LOG = LoggerFactory.getLogger(StopRequests.class);

  /**
   * How long a tentative mark is honoured: far beyond a signal's round trip, and short enough that a
   * process dying between marking and signalling costs a minute of pages, not the whole escalation.
   */
  static final Duration TENTATIVE_FOR = Duration.ofMinutes(1);

  private final EscalationStore escalations;
  private final Clock clock;

  public StopRequests(EscalationStore escalations, Clock clock) {
    this.escalations = escalations;
    this.clock = clock;
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
    StopRequest request = new StopRequest(scope, clock.instant());
    bestEffort(scope, () -> escalations.holdStop(scope, request.at, request.at.plus(TENTATIVE_FOR)));
    return request;
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
    private final Instant at;

    private StopRequest(StopScope scope, Instant at) {
      this.scope = scope;
      this.at = at;
    }

    /**
     * When paging stopped, as far as the pages can tell: the time an answer carries, so that no page
     * checked before it counts as sent after it.
     */
    public Instant at() {
      return at;
    }

    /** Temporal took the answer: the waiting pages stay withdrawn. */
    public void taken() {
      bestEffort(scope, () -> escalations.confirmStop(scope, at));
    }

    /** Temporal refused the answer (nothing to settle, or unavailable): paging goes on. */
    public void refused() {
      bestEffort(scope, () -> escalations.releaseStop(scope, at));
    }
  }
}
