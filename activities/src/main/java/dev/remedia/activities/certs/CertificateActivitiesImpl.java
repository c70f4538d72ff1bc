package dev.remedia.activities.certs;

import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.CertificateStore;
import dev.remedia.workflows.certs.CertificateActivities;
import dev.remedia.workflows.certs.ServedCertificate;
import java.time.Clock;

/** Probes endpoints and keeps the certificates table up to date with what they serve. */
public final class CertificateActivitiesImpl implements CertificateActivities {

  private final TlsProbe probe;
  private final CertificateStore certificates;
  private final AcmeOrderStore orders;
  private final Clock clock;

  public CertificateActivitiesImpl(
      TlsProbe probe, CertificateStore certificates, AcmeOrderStore orders, Clock clock) {
    this.probe = probe;
    this.certificates = certificates;
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  public ServedCertificate probe(ProbeRequest request) {
    ServedCertificate served = probe.probe(request.endpoint(), request.sni(), request.timeoutSeconds());
    certificates.observed(served, clock.instant());
    return served;
  }

  @Override
  public void record(RenewalRecord record) {
    certificates.renewed(record.served(), record.runId(), record.renewedAt());
    // The key now lives only in the deployed files.
    orders.forgetKey(record.runId());
  }
}
