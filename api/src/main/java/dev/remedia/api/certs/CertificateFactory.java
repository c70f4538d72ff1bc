package dev.remedia.api.certs;

import dev.remedia.activities.certs.AcmeActivitiesImpl;
import dev.remedia.activities.certs.CertificateActivitiesImpl;
import dev.remedia.activities.certs.DeployActivitiesImpl;
import dev.remedia.activities.certs.TlsProbe;
import dev.remedia.activities.certs.UnconfiguredAcme;
import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.CertificateStore;
import dev.remedia.activities.store.ChallengeStore;
import dev.remedia.api.operator.CertificatesConfig;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.workflows.certs.AcmeActivities;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jooq.DSLContext;

/** The certificate stores and the activities cert-renewal calls, built from {@code certificates:}. */
@Factory
class CertificateFactory {

  @Singleton
  CertificateStore certificateStore(DSLContext dsl) {
    return new CertificateStore(dsl);
  }

  @Singleton
  ChallengeStore challengeStore(DSLContext dsl) {
    return new ChallengeStore(dsl);
  }

  @Singleton
  AcmeOrderStore acmeOrderStore(DSLContext dsl) {
    return new AcmeOrderStore(dsl);
  }

  @Singleton
  RenewalActivities renewalActivities(
      OperatorConfig config, AcmeOrderStore orders, CertificateStore certificates, ChallengeStore challenges) {
    CertificatesConfig certs = config.certificates();
    Clock clock = Clock.systemUTC();
    AcmeActivities acme =
        certs.acmeSettings()
            .<AcmeActivities>map(settings -> new AcmeActivitiesImpl(settings, orders, challenges, clock))
            .orElseGet(UnconfiguredAcme::new);
    return new RenewalActivities(
        new CertificateActivitiesImpl(new TlsProbe(), certificates, orders, clock),
        acme,
        new DeployActivitiesImpl(certs.deployTargets(), orders));
  }
}
