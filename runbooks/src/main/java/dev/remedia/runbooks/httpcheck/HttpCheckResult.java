package dev.remedia.runbooks.httpcheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.remedia.workflows.probe.HttpProbeActivities.TlsCertificate;

/**
 * What {@code http-check} found.
 *
 * @param certificate the served leaf certificate, null for plain HTTP
 * @param certificateDaysLeft whole days until the certificate expires, null for plain HTTP
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpCheckResult(
    String url,
    int statusCode,
    long latencyMillis,
    TlsCertificate certificate,
    Long certificateDaysLeft) {}
