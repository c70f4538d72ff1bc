package dev.remedia.activities.certs;

import dev.remedia.workflows.certs.AcmeActivities;
import dev.remedia.workflows.runbook.FailureType;

/** Stands in when the configuration names no CA: renewals fail saying what to configure. */
public final class UnconfiguredAcme implements AcmeActivities {

  private static final String WHY =
      "no ACME CA is configured; set certificates.acme.directory and account-key in the operator configuration";

  @Override
  public RenewalWindow renewalWindow(String leafPem) {
    throw FailureType.INVALID_INPUT.permanent(WHY);
  }

  @Override
  public IssuedCertificate order(OrderRequest request) {
    throw FailureType.INVALID_INPUT.permanent(WHY);
  }
}
