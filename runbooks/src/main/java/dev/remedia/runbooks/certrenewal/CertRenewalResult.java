package dev.remedia.runbooks.certrenewal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What {@code cert-renewal} did.
 *
 * @param renewed whether a new certificate is now served
 * @param reason why it renewed or why it did not (not due yet)
 * @param previousSerial the serial served before the run
 * @param servedSerial the serial served when the run ended
 * @param notAfter when the served certificate expires
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertRenewalResult(
    String endpoint,
    boolean renewed,
    String reason,
    String previousSerial,
    String servedSerial,
    Instant notAfter) {}
