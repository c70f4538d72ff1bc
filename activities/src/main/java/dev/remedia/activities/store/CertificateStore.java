package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.CERTIFICATES;

import dev.remedia.activities.store.generated.tables.records.CertificatesRecord;
import dev.remedia.workflows.certs.ServedCertificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** What each known endpoint serves, from the latest probe, and its latest renewal. */
public final class CertificateStore {

  private final DSLContext db;

  public CertificateStore(DSLContext db) {
    this.db = db;
  }

  /** Records what a probe saw; the endpoint's last renewal is kept. */
  public void observed(ServedCertificate served, Instant at) {
    db.insertInto(CERTIFICATES)
        .set(CERTIFICATES.ENDPOINT, served.endpoint())
        .set(CERTIFICATES.SERIAL, served.serial())
        .set(CERTIFICATES.SUBJECT, served.subject())
        .set(CERTIFICATES.SANS, String.join(" ", served.sans()))
        .set(CERTIFICATES.ISSUER, served.issuer())
        .set(CERTIFICATES.NOT_BEFORE, utc(served.notBefore()))
        .set(CERTIFICATES.NOT_AFTER, utc(served.notAfter()))
        .set(CERTIFICATES.PROBED_AT, utc(at))
        .onConflict(CERTIFICATES.ENDPOINT)
        .doUpdate()
        .set(CERTIFICATES.SERIAL, served.serial())
        .set(CERTIFICATES.SUBJECT, served.subject())
        .set(CERTIFICATES.SANS, String.join(" ", served.sans()))
        .set(CERTIFICATES.ISSUER, served.issuer())
        .set(CERTIFICATES.NOT_BEFORE, utc(served.notBefore()))
        .set(CERTIFICATES.NOT_AFTER, utc(served.notAfter()))
        .set(CERTIFICATES.PROBED_AT, utc(at))
        .execute();
  }

  /** Records that {@code runId} renewed the endpoint, which now serves {@code served}. Idempotent. */
  public void renewed(ServedCertificate served, String runId, Instant at) {
    observed(served, at);
    db.update(CERTIFICATES)
        .set(CERTIFICATES.RENEWED_AT, utc(at))
        .set(CERTIFICATES.RUN_ID, runId)
        .where(CERTIFICATES.ENDPOINT.eq(served.endpoint()))
        .execute();
  }

  /** Every known endpoint, soonest expiry first. */
  public List<StoredCertificate> all() {
    return db.selectFrom(CERTIFICATES)
        .orderBy(CERTIFICATES.NOT_AFTER, CERTIFICATES.ENDPOINT)
        .fetch(CertificateStore::toCertificate);
  }

  public Optional<StoredCertificate> find(String endpoint) {
    return db.selectFrom(CERTIFICATES)
        .where(CERTIFICATES.ENDPOINT.eq(endpoint))
        .fetchOptional()
        .map(CertificateStore::toCertificate);
  }

  private static StoredCertificate toCertificate(CertificatesRecord row) {
    return new StoredCertificate(
        row.getEndpoint(),
        row.getSerial(),
        row.getSubject(),
        row.getSans().isEmpty() ? List.of() : Arrays.asList(row.getSans().split(" ")),
        row.getIssuer(),
        instant(row.getNotBefore()),
        instant(row.getNotAfter()),
        instant(row.getProbedAt()),
        instant(row.getRenewedAt()),
        row.getRunId());
  }
}
