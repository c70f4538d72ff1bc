package dev.remedia.api.certs;

import dev.remedia.workflows.certs.AcmeActivities;
import dev.remedia.workflows.certs.CertificateActivities;
import dev.remedia.workflows.certs.DeployActivities;

/** The activities cert-renewal calls, for the worker to register. */
public record RenewalActivities(
    CertificateActivities certificates, AcmeActivities acme, DeployActivities deploys) {

  public Object[] all() {
    return new Object[] {certificates, acme, deploys};
  }
}
