package dev.remedia.workflows.runbook;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns Temporal failures into the short reasons people read in a run's timeline. */
public final class Failures {

  private Failures() {}

  /** The innermost meaningful message: what the adapter said, not Temporal's envelope around it. */
  public static String reason(Throwable failure) {
    Throwable current = failure;
    while (current instanceof ActivityFailure || current instanceof ChildWorkflowFailure) {
      if (current.getCause() == null) {
        break;
      }
      current = current.getCause();
    }
    if (current instanceof ApplicationFailure application) {
      return application.getOriginalMessage();
    }
    if (current instanceof TimeoutFailure timeout) {
      return "timed out (" + timeout.getTimeoutType().name().toLowerCase().replace("timeout_type_", "")
          + ")";
    }
    if (current instanceof CanceledFailure) {
      return "cancelled";
    }
    if (current instanceof TemporalFailure temporal) {
      return temporal.getOriginalMessage();
    }
    return String.valueOf(current.getMessage());
  }
}
