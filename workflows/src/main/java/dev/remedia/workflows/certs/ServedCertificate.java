package dev.remedia.workflows.certs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The leaf certificate an endpoint served in one TLS handshake. Only public facts: it travels through
 * workflow history.
 *
 * @param serial the serial number in lower-case hex, the identity the verify step compares
 * @param leafPem the leaf certificate in PEM, for ACME Renewal Information (which identifies a
 *     certificate by its issuer's key and its serial)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServedCertificate(
    String endpoint,
    String subject,
    List<String> sans,
    String issuer,
    String serial,
    Instant notBefore,
    Instant notAfter,
    String leafPem) {

  /** The moment two thirds of the lifetime have passed, when a renewal is due without a CA's hint. */
  public Instant twoThirdsOfLifetime() {
    Duration lifetime = Duration.between(notBefore, notAfter);
    return notBefore.plus(lifetime.multipliedBy(2).dividedBy(3));
  }
}
