package dev.remedia.workflows.certs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Instant;

/** Reads what an endpoint serves, and keeps the certificates table. */
@ActivityInterface
public interface CertificateActivities {

  /**
   * Handshakes with the endpoint and reads the served leaf certificate; records it as the endpoint's
   * served certificate. Read-only towards the endpoint, so safe to retry. An endpoint that cannot be
   * reached is transient ({@code UNREACHABLE}); a failed handshake is permanent
   * ({@code TLS_HANDSHAKE_FAILED}).
   */
  @ActivityMethod(name = "Certs.Probe")
  ServedCertificate probe(ProbeRequest request);

  /** Records a renewal: the endpoint now serves {@code served}, renewed by {@code runId}. An upsert. */
  @ActivityMethod(name = "Certs.Record")
  void record(RenewalRecord record);

  /** @param sni the server name sent in the handshake */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProbeRequest(String endpoint, String sni, int timeoutSeconds) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RenewalRecord(String runId, ServedCertificate served, Instant renewedAt) {}
}
