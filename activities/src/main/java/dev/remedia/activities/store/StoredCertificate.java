package dev.remedia.activities.store;

import java.time.Instant;
import java.util.List;

/** A row of the certificates table: what an endpoint served when last probed. */
public record StoredCertificate(
    String endpoint,
    String serial,
    String subject,
    List<String> sans,
    String issuer,
    Instant notBefore,
    Instant notAfter,
    Instant probedAt,
    Instant renewedAt,
    String runId) {}
