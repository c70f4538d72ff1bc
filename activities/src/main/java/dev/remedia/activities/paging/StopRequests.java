package dev.remedia.activities.paging;

import dev.remedia.activities.store.EscalationStore;
import java.time.Clock;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws waiting pages the moment Temporal has taken an answer, ahead of the escalation recording
 * its settlement a few workflow tasks later. Best effort by design: the answer already reached the
 * workflow, which stops paging anyway, so a database hiccup here must not fail the answer.
 */
public final class StopRequests {

  private static final Logger LOG = LoggerFactory.getLogger(StopRequests.class);

  private final EscalationStore escalations;
  private final Clock clock;

  public StopRequests(EscalationStore escalations, Clock clock) {
    this.escalations = escalations;
    this.clock = clock;
  }

  /** After an answer to one of the escalation's pages was handed to the escalation. */
  public void forEscalation(String escalationId) {
    try {
      escalations.requestStop(escalationId, clock.instant());
    } catch (DataAccessException e) {
      LOG.warn("Pages of {} still queued go out until it records its settlement: {}", escalationId, e.getMessage());
    }
  }

  /** After an acknowledgement or resolution of the incident was handed to the incident. */
  public void forIncident(String incidentId) {
    try {
      escalations.requestStopForIncident(incidentId, clock.instant());
    } catch (DataAccessException e) {
      LOG.warn(
          "Pages of incident {} still queued go out until its escalation records its settlement: {}",
          incidentId, e.getMessage());
    }
  }
}
