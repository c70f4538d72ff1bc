package dev.remedia.api.certs;

import dev.remedia.activities.store.StoredCertificate;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint's served certificate as the API shows it.
 *
 * @param daysLeft whole days until it expires, computed when asked; negative once expired
 * @param runId the run that last renewed it, or null
 */
@Serdeable
record CertificateView(
    String endpoint,
    String serial,
    String subject,
    List<String> sans,
    String issuer,
    Instant notBefore,
    Instant notAfter,
    long daysLeft,
    Instant probedAt,
    Instant renewedAt,
    String runId) {

  static CertificateView of(StoredCertificate c, Instant now) {
    long daysLeft = Math.floorDiv(Duration.between(now, c.notAfter()).toMillis(), Duration.ofDays(1).toMillis());
    return new CertificateView(
        c.endpoint(), c.serial(), c.subject(), c.sans(), c.issuer(), c.notBefore(), c.notAfter(), daysLeft,
        c.probedAt(), c.renewedAt(), c.runId());
  }
}
