package dev.remedia.runbooks.certrenewal;

import dev.remedia.workflows.certs.AcmeActivities;
import dev.remedia.workflows.certs.CertificateActivities;
import dev.remedia.workflows.certs.DeployActivities;
import dev.remedia.workflows.certs.ServedCertificate;
import dev.remedia.workflows.runbook.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A TLS endpoint, its CA and its deploy target in memory: the served serial changes when a deploy is
 * reloaded, unless the endpoint is told to keep serving the old one. Counts every call.
 */
final class FakeEndpoint implements CertificateActivities, AcmeActivities, DeployActivities {

  static final String OLD_SERIAL = "0a1b";
  static final String NEW_SERIAL = "ff01";

  private final LongSupplier clock;
  final AtomicInteger orders = new AtomicInteger();
  final AtomicInteger deploys = new AtomicInteger();
  final AtomicInteger rollbacks = new AtomicInteger();
  final AtomicInteger probes = new AtomicInteger();
  final List<RenewalRecord> records = new ArrayList<>();
  private volatile String served = OLD_SERIAL;
  private volatile Instant notBefore;
  private volatile Instant notAfter;
  private volatile RenewalWindow window;
  private volatile ApplicationFailure orderFailure;
  private volatile ApplicationFailure deployFailure;
  private volatile boolean keepsServingOld;
  private volatile CountDownLatch holdFirstProbeAfterDeploy;
  private final CountDownLatch probedAfterDeploy = new CountDownLatch(1);

  FakeEndpoint(LongSupplier clock) {
    this.clock = clock;
    servingCertificateAged(Duration.ofDays(10), Duration.ofDays(90));
  }

  /** The served certificate is {@code age} into a lifetime of {@code lifetime}. */
  FakeEndpoint servingCertificateAged(Duration age, Duration lifetime) {
    notBefore = Instant.ofEpochMilli(clock.getAsLong()).minus(age);
    notAfter = notBefore.plus(lifetime);
    return this;
  }

  FakeEndpoint withRenewalWindow(RenewalWindow window) {
    this.window = window;
    return this;
  }

  FakeEndpoint orderFailsWith(ApplicationFailure failure) {
    this.orderFailure = failure;
    return this;
  }

  FakeEndpoint deployFailsWith(ApplicationFailure failure) {
    this.deployFailure = failure;
    return this;
  }

  FakeEndpoint keepsServingTheOldCertificate() {
    this.keepsServingOld = true;
    return this;
  }

  /** The first probe after the deploy hangs until {@code release}, like a probe on a worker that died. */
  FakeEndpoint holdingTheFirstProbeAfterDeploy(CountDownLatch release) {
    this.holdFirstProbeAfterDeploy = release;
    return this;
  }

  void awaitProbeAfterDeploy() throws InterruptedException {
    probedAfterDeploy.await(10, TimeUnit.SECONDS);
  }

  String served() {
    return served;
  }

  @Override
  public ServedCertificate probe(ProbeRequest request) {
    probes.incrementAndGet();
    if (deploys.get() > 0 && probedAfterDeploy.getCount() > 0) {
      probedAfterDeploy.countDown();
      CountDownLatch release = holdFirstProbeAfterDeploy;
      if (release != null) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    boolean renewed = served.equals(NEW_SERIAL);
    Instant start = renewed ? Instant.ofEpochMilli(clock.getAsLong()) : notBefore;
    Instant end = renewed ? start.plus(Duration.ofDays(90)) : notAfter;
    return new ServedCertificate(
        request.endpoint(), "CN=" + request.sni(), List.of(request.sni()), "CN=Fake CA", served, start, end,
        "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n");
  }

  @Override
  public synchronized void record(RenewalRecord record) {
    records.add(record);
  }

  @Override
  public RenewalWindow renewalWindow(String leafPem) {
    return window;
  }

  @Override
  public IssuedCertificate order(OrderRequest request) {
    orders.incrementAndGet();
    if (orderFailure != null) {
      throw orderFailure;
    }
    return new IssuedCertificate(
        NEW_SERIAL, "CN=Fake CA", Instant.ofEpochMilli(clock.getAsLong()).plus(Duration.ofDays(90)), 2);
  }

  @Override
  public String describe(String target) {
    if (!target.equals("web")) {
      throw FailureType.INVALID_INPUT.permanent("no deploy target named '" + target + "'");
    }
    return "files /etc/ssl/web.key and /etc/ssl/web.crt, then nginx -s reload";
  }

  @Override
  public DeployReport deploy(DeployRequest request) {
    deploys.incrementAndGet();
    if (deployFailure != null) {
      throw deployFailure;
    }
    if (!keepsServingOld) {
      served = NEW_SERIAL;
    }
    return new DeployReport("wrote /etc/ssl/web.key and /etc/ssl/web.crt; reload: ok");
  }

  @Override
  public DeployReport rollback(DeployRequest request) {
    rollbacks.incrementAndGet();
    served = OLD_SERIAL;
    return new DeployReport("restored /etc/ssl/web.key and /etc/ssl/web.crt from .previous; reload: ok");
  }
}
