package dev.remedia.workflows.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Instant;

/**
 * Probes an HTTP(S) endpoint once. Read-only, so safe to retry. Transient trouble (unreachable, server
 * errors, 429) is thrown as retryable; a TLS handshake failure or a status the check does not accept is
 * thrown as non-retryable ({@code FailureType}).
 */
@ActivityInterface
public interface HttpProbeActivities {

  @ActivityMethod(name = "HttpProbe.Probe")
  HttpProbeResult probe(HttpProbeRequest request);

  /**
   * @param expectedStatus the exact status that passes, or null for any status below 400
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HttpProbeRequest(String url, Integer expectedStatus, int timeoutSeconds) {}

  /** @param certificate the leaf certificate the server presented, or null for plain HTTP */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HttpProbeResult(int statusCode, long latencyMillis, TlsCertificate certificate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TlsCertificate(String subject, String issuer, Instant notAfter) {}
}
