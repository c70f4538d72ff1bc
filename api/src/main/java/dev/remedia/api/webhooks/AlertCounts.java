package dev.remedia.api.webhooks;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.api.problem.ApiProblem;
import jakarta.inject.Singleton;
import org.jooq.exception.DataAccessException;

/**
 * Counts what became of each webhook delivery: its alerts by the outcome of their incident, or the
 * delivery once when it failed as a whole, with the reason the monitor was given.
 */
@Singleton
class AlertCounts {

  private final RemediaCounters counters;

  AlertCounts(RemediaCounters counters) {
    this.counters = counters;
  }

  void accepted(WebhookSource source, WebhookAccepted accepted) {
    for (WebhookAccepted.Delivery delivery : accepted.incidents()) {
      String result = delivery.outcome().equals("no-open-incident") ? "no_open_incident" : "accepted";
      counters.alertsReceived(source.id(), result, delivery.alertIds().size());
    }
  }

  void failed(WebhookSource source, RuntimeException failure) {
    counters.alertsReceived(source.id(), reason(failure), 1);
  }

  private static String reason(RuntimeException failure) {
    if (failure instanceof DataAccessException) {
      return "unavailable";
    }
    if (!(failure instanceof ApiProblem problem)) {
      return "error";
    }
    return switch (problem.status()) {
      case UNAUTHORIZED -> "unauthorized";
      case BAD_REQUEST -> "invalid";
      case SERVICE_UNAVAILABLE -> "unavailable";
      default -> "error";
    };
  }
}
