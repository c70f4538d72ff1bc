package dev.remedia.workflows.certs;

import dev.remedia.workflows.certs.AcmeActivities.RenewalWindow;
import java.time.Instant;

/**
 * Whether a served certificate is due for renewal, and why. The CA's renewal window decides when the
 * CA offers one (ACME Renewal Information: it may ask for an early renewal, say before a mass
 * revocation, or say there is no hurry); without one, two thirds of the lifetime. The sweep and the
 * runbook decide alike, so the sweep never starts a run that only finds it is not due.
 *
 * @param due whether to renew now
 * @param reason the sentence the run's timeline shows
 */
public record RenewalDue(boolean due, String reason) {

  /**
   * @param window the CA's suggestion, or null when the CA offers none or could not be asked
   */
  public static RenewalDue of(ServedCertificate served, RenewalWindow window, long nowMillis) {
    if (window != null) {
      return window.start().toEpochMilli() <= nowMillis
          ? new RenewalDue(true, "inside the CA's renewal window, from " + window.start())
          : new RenewalDue(false, "not due: the CA's renewal window opens " + window.start());
    }
    Instant twoThirds = served.twoThirdsOfLifetime();
    return twoThirds.toEpochMilli() <= nowMillis
        ? new RenewalDue(true, "past two thirds of its lifetime, since " + twoThirds)
        : new RenewalDue(false, "not due until " + twoThirds + " (two thirds of its lifetime)");
  }
}
