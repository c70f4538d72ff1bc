package dev.remedia.api.operator;

import dev.remedia.activities.certs.AcmeSettings;
import dev.remedia.activities.certs.DeployTarget;
import dev.remedia.runbooks.certrenewal.CertRenewalInput;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code certificates:} section: the ACME CA, where renewed certificates go, and the endpoints the
 * sweep watches. Without the section, cert-renewal runs fail at their deploy target check.
 *
 * @param acme the CA and account, or null when not configured
 * @param inventory the endpoints the sweep probes, each as the cert-renewal input it starts
 * @param sweepInterval how often the sweep probes the inventory
 */
public record CertificatesConfig(
    AcmeSettings acme, List<DeployTarget> deployTargets, List<CertRenewalInput> inventory, Duration sweepInterval) {

  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofHours(6);

  public CertificatesConfig {
    deployTargets = List.copyOf(deployTargets);
    inventory = List.copyOf(inventory);
  }

  static CertificatesConfig none() {
    return new CertificatesConfig(null, List.of(), List.of(), DEFAULT_SWEEP_INTERVAL);
  }

  public Optional<AcmeSettings> acmeSettings() {
    return Optional.ofNullable(acme);
  }
}
