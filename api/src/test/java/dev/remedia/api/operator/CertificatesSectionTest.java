package dev.remedia.api.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.certs.FileDeployTarget;
import dev.remedia.activities.certs.HttpDeployTarget;
import dev.remedia.runbooks.certrenewal.CertRenewalInput;
import dev.remedia.workflows.certs.ChallengeType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code certificates:} in the operator configuration: what it builds, and what it refuses. */
class CertificatesSectionTest {

  private static final String VALID =
      """
      escalation-policies:
        - name: default
          levels: [ { notify: [ { slack-channel: C0123OPS } ], channels: [ slack ], delay: 5m } ]
      certificates:
        acme:
          directory: https://acme-v02.api.letsencrypt.org/directory
          account-key: /var/lib/remedia/acme-account.pem
          contact: ops@example.org
          dns-hook: [/etc/remedia/dns-hook, --zone, example.org]
        deploy-targets:
          - name: web
            key: /etc/nginx/certs/web.key
            chain: /etc/nginx/certs/web.crt
            reload: [nginx, -s, reload]
            reload-timeout: 20s
          - name: lb
            hook: https://lb.internal/certificates
        inventory:
          - endpoint: web.example.org:443
            deploy: web
            escalation: default
          - { endpoint: "api.example.org:8443", sni: api.example.org, domains: [api.example.org, "*.api.example.org"], challenge: dns-01, deploy: lb }
        sweep-interval: 1h
        page-before-expiry: 48h
        verify-timeout: 3m
      """;

  @TempDir Path dir;

  @Test
  void aValidSectionBuildsTheCaDeployTargetsAndTheInventory() throws IOException {
    CertificatesConfig certificates = load(VALID).certificates();

    assertEquals(URI.create("https://acme-v02.api.letsencrypt.org/directory"), certificates.acme().directory());
    assertEquals(List.of("/etc/remedia/dns-hook", "--zone", "example.org"), certificates.acme().dnsHook());
    assertEquals(
        new FileDeployTarget(
            "web", Path.of("/etc/nginx/certs/web.key"), Path.of("/etc/nginx/certs/web.crt"),
            List.of("nginx", "-s", "reload"), Duration.ofSeconds(20)),
        certificates.deployTargets().get(0));
    assertEquals(URI.create("https://lb.internal/certificates"), ((HttpDeployTarget) certificates.deployTargets().get(1)).url());
    CertRenewalInput web = certificates.inventory().get(0);
    assertEquals("web.example.org:443", web.endpoint());
    assertEquals("default", web.escalation());
    assertEquals(48, web.pageBeforeExpiryHours());
    assertEquals(180, web.verifyTimeoutSeconds());
    CertRenewalInput api = certificates.inventory().get(1);
    assertEquals(ChallengeType.DNS_01, api.challenge());
    assertEquals(List.of("api.example.org", "*.api.example.org"), api.domains());
    assertEquals(Duration.ofHours(1), certificates.sweepInterval());
  }

  @Test
  void withoutTheSectionThereIsNothingToRenew() throws IOException {
    CertificatesConfig certificates = load("routes: []\n").certificates();

    assertEquals(null, certificates.acme());
    assertTrue(certificates.inventory().isEmpty());
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of(
            "unknown deploy target",
            "certificates:\n  acme: { directory: https://ca.example/dir, account-key: /k.pem }\n  inventory:\n    - { endpoint: a.example.org:443, deploy: nginx }\n",
            "line 4: certificates.inventory[0]: deploy: no deploy target named 'nginx' under certificates.deploy-targets"),
        Arguments.of(
            "endpoint without a port",
            "certificates:\n  acme: { directory: https://ca.example/dir, account-key: /k.pem }\n  deploy-targets: [ { name: web, key: /k, chain: /c } ]\n  inventory:\n    - { endpoint: a.example.org, deploy: web }\n",
            "line 5: certificates.inventory[0]: endpoint must be host:port, like web.example.org:443"),
        Arguments.of(
            "reload written as a shell line",
            "certificates:\n  deploy-targets:\n    - name: web\n      key: /k\n      chain: /c\n      reload: nginx -s reload\n",
            "line 6: certificates.deploy-targets[0] 'web': reload: must be a list of values, like [nginx, -s, reload], not a single value"),
        Arguments.of(
            "relative key path",
            "certificates:\n  deploy-targets: [ { name: web, key: certs/web.key, chain: /c } ]\n",
            "line 2: certificates.deploy-targets[0] 'web': key: 'certs/web.key' must be an absolute path"),
        Arguments.of(
            "missing account key",
            "certificates:\n  acme: { directory: https://ca.example/dir }\n",
            "line 2: certificates.acme: account-key is required"),
        Arguments.of(
            "unknown challenge",
            "certificates:\n  acme: { directory: https://ca.example/dir, account-key: /k.pem }\n  deploy-targets: [ { name: web, key: /k, chain: /c } ]\n  inventory:\n    - { endpoint: a.example.org:443, deploy: web, challenge: tls-alpn-01 }\n",
            "line 5: certificates.inventory[0]: challenge: 'tls-alpn-01' is not http-01 or dns-01"),
        Arguments.of(
            "unknown key",
            "certificates:\n  inventroy: []\n",
            "line 2: certificates: unknown key 'inventroy'; allowed: acme, deploy-targets, inventory, sweep-interval, page-before-expiry, verify-timeout"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void namesTheFileLineAndField(String what, String yaml, String expected) throws IOException {
    Path file = write(yaml);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(1, error.problems().size(), error.getMessage());
    assertTrue(error.getMessage().startsWith(file + " " + expected), error.getMessage());
  }

  private OperatorConfig load(String yaml) throws IOException {
    return OperatorConfigLoader.load(write(yaml), Map.of());
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "remedia", ".yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
