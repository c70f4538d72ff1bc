package dev.remedia.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.activities.store.Database;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.api.operator.OperatorConfigLoader;
import dev.remedia.api.problem.ApiProblem;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.simple.SimpleHttpHeaders;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Webhook credentials: bearer tokens and Grafana's signature, in production and in dev mode. Refusals
 * land in the real audit log, with the reason and without the body or the presented secret.
 */
@Timeout(60)
class WebhookAuthenticatorTest {

  private static final byte[] BODY = "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);
  private static Database database;
  private static AuditLog audit;

  // A distinct address per test instance, so each test finds only its own audit entries.
  private final String remote = "2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);

  @BeforeAll
  static void openAuditLog() {
    database = Database.embedded();
    database.migrate();
    audit = new AuditLog(database.dsl());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @Test
  void theRightBearerTokenPassesAndAnyOtherIsRefusedAndAudited() {
    WebhookAuthenticator production = authenticator(false, Map.of("REMEDIA_WEBHOOKS_ALERTMANAGER_TOKEN", "s3cret-token"));

    assertDoesNotThrow(() -> production.authenticate(WebhookSource.ALERTMANAGER, headers("Authorization", "Bearer s3cret-token"), BODY, remote));
    assertRefused(production, WebhookSource.ALERTMANAGER, headers(), "missing Authorization header; send 'Authorization: Bearer <token>'");
    assertRefused(production, WebhookSource.ALERTMANAGER, headers("Authorization", "Bearer s3cret-tokeN"), "the bearer token is wrong");
    assertRefused(production, WebhookSource.ALERTMANAGER, headers("Authorization", "Basic czNjcmV0LXRva2Vu"), "the Authorization header must use the Bearer scheme");

    var refusals = audit.forObject("webhook", "alertmanager").stream().filter(e -> remote.equals(e.remoteAddress())).toList();
    assertEquals(3, refusals.size());
    assertTrue(refusals.get(1).detailJson().contains("the bearer token is wrong"));
    refusals.forEach(entry -> assertFalse(entry.detailJson().contains("s3cret"), "no secret in the audit log"));
    refusals.forEach(entry -> assertFalse(entry.detailJson().contains("alerts"), "no body in the audit log"));
  }

  @Test
  void productionRefusesASourceWithNoCredentialWhileDevModeAcceptsIt() {
    WebhookAuthenticator production = authenticator(false, Map.of());
    WebhookAuthenticator dev = authenticator(true, Map.of());

    assertRefused(
        production, WebhookSource.DATADOG, headers(),
        "no credential is configured for the datadog webhook, so it is refused; set REMEDIA_WEBHOOKS_DATADOG_TOKEN or configure it in the operator configuration");
    assertDoesNotThrow(() -> dev.authenticate(WebhookSource.DATADOG, headers(), BODY, remote));
  }

  @Test
  void grafanaSignaturesAreCheckedOverTheTimestampAndTheExactBody() {
    WebhookAuthenticator production = authenticator(false, Map.of("REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET", "hmac-key"));
    String body = new String(BODY, StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();

    assertDoesNotThrow(() -> production.authenticate(WebhookSource.GRAFANA, signed("hmac-key", now, body), BODY, remote));
    assertDoesNotThrow(
        () ->
            production.authenticate(
                WebhookSource.GRAFANA,
                headers("X-Grafana-Alerting-Signature", WebhookTestSupport.grafanaSignature("hmac-key", body)),
                BODY, remote));
    assertRefused(production, WebhookSource.GRAFANA, headers(), "missing X-Grafana-Alerting-Signature header with the HMAC-SHA256 signature of the body");
    assertRefused(production, WebhookSource.GRAFANA, signed("other-key", now, body), "the X-Grafana-Alerting-Signature signature does not match the body");
    assertRefused(production, WebhookSource.GRAFANA, signed("hmac-key", now, body + " "), "the X-Grafana-Alerting-Signature signature does not match the body");
    ApiProblem stale =
        assertThrows(
            ApiProblem.class,
            () -> production.authenticate(WebhookSource.GRAFANA, signed("hmac-key", now - 600, body), BODY, remote));
    assertTrue(
        stale.getMessage().matches("X-Grafana-Alerting-Timestamp is 60[0-9] s away from now; at most 300 s is accepted"),
        stale.getMessage());
    assertRefused(
        production, WebhookSource.GRAFANA, signed("hmac-key", Long.MIN_VALUE, body),
        "X-Grafana-Alerting-Timestamp is far away from now; at most 300 s is accepted");
    assertRefused(
        production, WebhookSource.GRAFANA,
        headers("X-Grafana-Alerting-Signature", "not-hex", "X-Grafana-Alerting-Timestamp", String.valueOf(now)),
        "X-Grafana-Alerting-Signature must be the hex HMAC-SHA256 of the body");
  }

  private SimpleHttpHeaders signed(String secret, long timestamp, String body) {
    return headers(
        "X-Grafana-Alerting-Signature", WebhookTestSupport.grafanaSignature(secret, timestamp + ":" + body),
        "X-Grafana-Alerting-Timestamp", String.valueOf(timestamp));
  }

  private void assertRefused(WebhookAuthenticator authenticator, WebhookSource source, SimpleHttpHeaders headers, String reason) {
    ApiProblem problem = assertThrows(ApiProblem.class, () -> authenticator.authenticate(source, headers, BODY, remote));
    assertEquals(HttpStatus.UNAUTHORIZED, problem.status());
    assertEquals(reason, problem.getMessage());
  }

  private static SimpleHttpHeaders headers(String... namesAndValues) {
    SimpleHttpHeaders headers = new SimpleHttpHeaders();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static WebhookAuthenticator authenticator(boolean devMode, Map<String, String> environment) {
    OperatorConfig config = OperatorConfigLoader.load(null, environment);
    TemporalSettings temporal =
        new TemporalSettings(devMode ? null : "temporal.example.net:7233", "default", "remedia-" + UUID.randomUUID(), 7233, false, null, null, null, 2500, 5000);
    return new WebhookAuthenticator(config, temporal, new AuditTrail(audit, JsonMapper.createDefault()));
  }
}
