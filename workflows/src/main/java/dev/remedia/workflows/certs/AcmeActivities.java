package dev.remedia.workflows.certs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Instant;
import java.util.List;

/**
 * Orders certificates from the configured ACME CA. The new private key and the chain never cross
 * Temporal: they stay in the store, keyed by the run id, and deploy reads them from there.
 */
@ActivityInterface
public interface AcmeActivities {

  /**
   * The renewal window the CA proposes for a certificate (ACME Renewal Information, RFC 9773), or null
   * when the CA offers none. Read-only.
   */
  @ActivityMethod(name = "Acme.RenewalWindow")
  RenewalWindow renewalWindow(String leafPem);

  /**
   * Orders a certificate for the run and stores it with its new key. Idempotent per run: the order's
   * URL and key are stored before the order is finalized, so a retry (or a worker that died mid-way)
   * resumes the same order, and a run whose certificate is stored gets it back without ordering again.
   * The CA being unreachable or busy is transient; a failed challenge or a refused order is permanent
   * ({@code CHALLENGE_FAILED}, {@code INVALID_INPUT}).
   */
  @ActivityMethod(name = "Acme.Order")
  IssuedCertificate order(OrderRequest request);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderRequest(String runId, List<String> domains, ChallengeType challenge) {}

  /** What was issued; public facts only. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record IssuedCertificate(String serial, String issuer, Instant notAfter, int chainLength) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RenewalWindow(Instant start, Instant end) {}
}
