package dev.remedia.activities.certs;

import java.util.ArrayList;
import org.slf4j.LoggerFactory;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.Level;
import static dev.remedia.activities.store.generated.Tables.ACME_ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.CertificateStore;
import dev.remedia.activities.store.ChallengeStore;
import dev.remedia.activities.store.Database;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.certs.AcmeActivities.IssuedCertificate;
import dev.remedia.workflows.certs.AcmeActivities.OrderRequest;
import dev.remedia.workflows.certs.CertificateActivities.ProbeRequest;
import dev.remedia.workflows.certs.CertificateActivities.RenewalRecord;
import dev.remedia.workflows.certs.ChallengeType;
import dev.remedia.workflows.certs.DeployActivities.DeployRequest;
import dev.remedia.workflows.certs.ServedCertificate;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate activities against real parts: Debian's Pebble as the CA (validating real HTTP-01
 * and DNS-01 through pebble-challtestsrv), nginx as the endpoint, reloaded by the deploy, and the
 * probe reading what nginx actually serves. Skips without pebble or nginx; fails without them on CI.
 */
@Timeout(120)
class AcmeRenewalRealComponentsTest {

  private static final String DOMAIN = "web.example.org";

  @TempDir static Path shared;
  private static Pebble pebble;
  private static ChallengeServer challengeServer;
  private static Database database;
  private static ChallengeStore challenges;
  private static AcmeOrderStore orders;
  private static CertificateStore certificates;

  @TempDir Path dir;
  private Nginx nginx;
  private final String runId = "cert-renewal-" + UUID.randomUUID();

  @BeforeAll
  static void startCaAndStore() throws Exception {
    database = TestDatabases.shared();
    challenges = new ChallengeStore(database.dsl());
    orders = new AcmeOrderStore(database.dsl());
    certificates = new CertificateStore(database.dsl());
    int httpPort = RealComponents.freePort();
    pebble = new Pebble(shared.resolve("pebble"), httpPort, false);
    challengeServer = new ChallengeServer(httpPort, challenges);
  }

  @AfterAll
  static void stopCa() throws Exception {
    if (challengeServer != null) {
      challengeServer.close();
    }
    if (pebble != null) {
      pebble.close();
    }
  }

  @BeforeEach
  void startNginx() throws Exception {
    nginx = new Nginx(dir.resolve("nginx"), DOMAIN);
  }

  @AfterEach
  void stopNginx() throws Exception {
    nginx.close();
  }

  @Test
  void anHttp01RenewalWithPebblesDelaysAndNonceRejectionsEndsWithNginxServingTheNewCertificate() throws Exception {
    int httpPort = RealComponents.freePort();
    try (Pebble realistic = new Pebble(dir.resolve("realistic-pebble"), httpPort, true);
        ChallengeServer server = new ChallengeServer(httpPort, challenges)) {
      CertificateActivitiesImpl probes = probes();
      ServedCertificate before = probes.probe(new ProbeRequest(endpoint(), DOMAIN, 5));
      assertEquals("a1b", before.serial());

      IssuedCertificate issued =
          acme(realistic, null, List.of()).order(new OrderRequest(runId, List.of(DOMAIN), ChallengeType.HTTP_01));
      assertTrue(issued.issuer().contains("Pebble"), issued.issuer());
      String detail = deploys(nginx.reloadCommand()).deploy(new DeployRequest(runId, "web")).detail();
      assertTrue(detail.startsWith("wrote " + nginx.key + " (0600)"), detail);

      ServedCertificate after = awaitServed(probes, endpoint(), issued.serial());
      assertEquals(List.of(DOMAIN), after.sans());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nginx.key)));
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(nginx.chain)));
      assertTrue(Files.readString(Path.of(nginx.chain + ".previous")).contains("BEGIN CERTIFICATE"));
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(nginx.key + ".previous"))));

      probes.record(new RenewalRecord(runId, after, Instant.now()));
      var row = certificates.find(endpoint()).orElseThrow();
      assertEquals(issued.serial(), row.serial());
      assertEquals(runId, row.runId());
      assertNull(orders.find(runId).orElseThrow().keyPem(), "the private key is dropped once recorded");
    }
  }

  @Test
  void dns01GoesThroughTheOperatorsHookCommand() throws Exception {
    Path hook = dir.resolve("dns-hook");
    Files.writeString(
        hook,
        """
        #!/bin/sh
        # <present|cleanup> <record name> <value>, against pebble-challtestsrv's management API.
        set -e
        case "$1" in
          present) curl -sf -d "{\\"host\\":\\"$2\\",\\"value\\":\\"$3\\"}" http://127.0.0.1:%1$d/set-txt ;;
          cleanup) curl -sf -d "{\\"host\\":\\"$2\\"}" http://127.0.0.1:%1$d/clear-txt ;;
        esac
        """
            .formatted(pebble.challtestManagementPort));
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));

    IssuedCertificate issued =
        acme(pebble, null, List.of(hook.toString()))
            .order(new OrderRequest(runId, List.of("dns.example.org", "*.dns.example.org"), ChallengeType.DNS_01));

    assertTrue(issued.issuer().contains("Pebble"), issued.issuer());
  }

  @Test
  void aChallengeNobodyAnswersFailsWithoutRetrying() throws Exception {
    // Tokens go into a web root that nothing serves, so Pebble finds no token where it looks. A name
    // of its own: Pebble reuses an account's valid authorizations, so a validated name needs no challenge.
    String domain = "unanswered-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () ->
                acme(pebble, dir.resolve("unserved-webroot"), List.of())
                    .order(new OrderRequest(runId, List.of(domain), ChallengeType.HTTP_01)));

    assertEquals("CHALLENGE_FAILED", failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().startsWith(domain + ": http-01 challenge invalid"), failure.getOriginalMessage());
  }

  @Test
  void aCaThatIsDownFailsTheAttemptAsTransient() throws Exception {
    try (Pebble down = new Pebble(dir.resolve("down-pebble"), RealComponents.freePort(), false)) {
      down.stopCa();

      ApplicationFailure failure =
          assertThrows(
              ApplicationFailure.class,
              () -> acme(down, null, List.of()).order(new OrderRequest(runId, List.of(DOMAIN), ChallengeType.HTTP_01)));

      assertEquals("UNREACHABLE", failure.getType());
      assertFalse(failure.isNonRetryable());
    }
  }

  @Test
  void aRetriedOrderResumesTheStoredOrderInsteadOfOrderingAgain() {
    AcmeActivitiesImpl acme = acme(pebble, null, List.of());
    OrderRequest request = new OrderRequest(runId, List.of(DOMAIN), ChallengeType.HTTP_01);
    IssuedCertificate first = acme.order(request);
    String orderUrl = orders.find(runId).orElseThrow().orderUrl();
    // As if the worker died after the CA issued but before the chain was stored.
    database.dsl().update(ACME_ORDERS).setNull(ACME_ORDERS.CHAIN_PEM).where(ACME_ORDERS.RUN_ID.eq(runId)).execute();

    IssuedCertificate again = acme.order(request);

    assertEquals(first.serial(), again.serial());
    assertEquals(orderUrl, orders.find(runId).orElseThrow().orderUrl());
  }

  @Test
  void noPrivateKeyReachesTheLogOrWhatTheActivitiesAnswer() throws Exception {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level rootLevel = root.getLevel();
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.setContext(logback);
    logged.start();
    root.addAppender(logged);
    root.setLevel(Level.DEBUG);
    IssuedCertificate issued;
    String deployed;
    try {
      issued = acme(pebble, null, List.of()).order(new OrderRequest(runId, List.of(DOMAIN), ChallengeType.HTTP_01));
      deployed = deploys(nginx.reloadCommand()).deploy(new DeployRequest(runId, "web")).detail();
    } finally {
      root.detachAppender(logged);
      root.setLevel(rootLevel);
    }

    List<String> secrets = new ArrayList<>(keyLines(Files.readString(nginx.key)));
    secrets.addAll(keyLines(Files.readString(pebble.directory.resolve("account.pem"))));
    assertTrue(secrets.size() > 4, "no key was read: " + secrets);
    List<String> said = new ArrayList<>(List.of(issued.toString(), deployed));
    for (ILoggingEvent event : logged.list) {
      said.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        said.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    assertTrue(logged.list.size() > 0, "nothing was logged, so nothing was checked");
    for (String text : said) {
      assertFalse(text.contains("PRIVATE KEY"), "a private key was said: " + text);
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "a line of a private key was said: " + text);
      }
    }
  }

  /** The base64 lines of a PEM private key, each long enough that a match is no accident. */
  private static List<String> keyLines(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----") && line.length() >= 40).toList();
  }

  @Test
  void aFailingReloadIsReportedWithItsOutputAndRollbackRestoresTheFiles() throws Exception {
    String initialChain = Files.readString(nginx.chain);
    acme(pebble, null, List.of()).order(new OrderRequest(runId, List.of(DOMAIN), ChallengeType.HTTP_01));
    DeployActivitiesImpl broken =
        deploys(List.of("/usr/sbin/nginx", "-c", dir.resolve("missing.conf").toString(), "-s", "reload"));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> broken.deploy(new DeployRequest(runId, "web")));

    assertEquals("DEPLOY_FAILED", failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().startsWith("reload command exited with 1: "), failure.getOriginalMessage());
    assertTrue(failure.getOriginalMessage().contains("missing.conf"), failure.getOriginalMessage());
    assertNotEquals(initialChain, Files.readString(nginx.chain));

    deploys(nginx.reloadCommand()).rollback(new DeployRequest(runId, "web"));

    assertEquals(initialChain, Files.readString(nginx.chain));
    assertEquals("a1b", probes().probe(new ProbeRequest(endpoint(), DOMAIN, 5)).serial());
  }

  @Test
  void nginxThatIsNotReloadedKeepsServingTheOldCertificateUntilRolledBack() throws Exception {
    String initialChain = Files.readString(nginx.chain);
    IssuedCertificate issued =
        acme(pebble, null, List.of()).order(new OrderRequest(runId, List.of(DOMAIN), ChallengeType.HTTP_01));
    DeployActivitiesImpl noReload = deploys(List.of("/bin/true"));

    noReload.deploy(new DeployRequest(runId, "web"));
    ServedCertificate served = probes().probe(new ProbeRequest(endpoint(), DOMAIN, 5));

    assertEquals("a1b", served.serial(), "nginx serves what it loaded, not what is on disk");
    assertNotEquals(issued.serial(), served.serial());
    String detail = deploys(nginx.reloadCommand()).rollback(new DeployRequest(runId, "web")).detail();
    assertTrue(detail.startsWith("restored " + nginx.key), detail);
    assertEquals(initialChain, Files.readString(nginx.chain));
    assertNull(orders.find(runId).orElseThrow().keyPem(), "the private key is dropped once rolled back");
  }

  @Test
  void theProbeReadsTheCertificateForTheSniNameAndRecordsIt() {
    ServedCertificate served = probes().probe(new ProbeRequest(endpoint(), DOMAIN, 5));

    assertEquals("CN=" + DOMAIN, served.subject());
    assertEquals(List.of(DOMAIN), served.sans());
    assertEquals(nginx.initial.getNotAfter().toInstant(), served.notAfter());
    assertTrue(served.leafPem().startsWith("-----BEGIN CERTIFICATE-----\n"));
    assertEquals("a1b", certificates.find(endpoint()).orElseThrow().serial());
  }

  private String endpoint() {
    return "127.0.0.1:" + nginx.port;
  }

  private static ServedCertificate awaitServed(CertificateActivitiesImpl probes, String endpoint, String serial)
      throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    ServedCertificate served;
    do {
      Thread.sleep(100);
      served = probes.probe(new ProbeRequest(endpoint, DOMAIN, 5));
    } while (!served.serial().equals(serial) && System.nanoTime() < until);
    assertEquals(serial, served.serial());
    return served;
  }

  private CertificateActivitiesImpl probes() {
    return new CertificateActivitiesImpl(new TlsProbe(), certificates, orders, Clock.systemUTC());
  }

  private static AcmeActivitiesImpl acme(Pebble ca, Path webroot, List<String> dnsHook) {
    return new AcmeActivitiesImpl(
        new AcmeSettings(
            ca.directoryUrl(), ca.directory.resolve("account.pem"), null, ca.trust, dnsHook, webroot,
            Duration.ofSeconds(60)),
        orders,
        challenges,
        Clock.systemUTC());
  }

  private DeployActivitiesImpl deploys(List<String> reload) {
    return new DeployActivitiesImpl(
        List.of(new FileDeployTarget("web", nginx.key, nginx.chain, reload, Duration.ofSeconds(20))), orders);
  }
}
