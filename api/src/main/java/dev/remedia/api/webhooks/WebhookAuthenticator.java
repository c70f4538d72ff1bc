package dev.remedia.api.webhooks;

import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.api.operator.WebhookCredentials;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.signing.RequestSignatures;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a webhook's credential before its body is parsed: a bearer token, and for Grafana the
 * HMAC-SHA256 signature of the body (with the signed timestamp, when Grafana sends one, which must be
 * fresh). Refusals are answered 401 and audited with the reason, never with the body or a secret.
 */
@Singleton
class WebhookAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAuthenticator.class);

  private final OperatorConfig config;
  private final boolean devMode;
  private final AuditTrail audit;
  private final Set<WebhookSource> warnedOpen = EnumSet.noneOf(WebhookSource.class);

  WebhookAuthenticator(
      OperatorConfig config, TemporalSettings temporal, AuditTrail audit) {
    this.config = config;
    this.devMode = temporal.devServer();
    this.audit = audit;
  }

  void authenticate(WebhookSource source, HttpHeaders headers, byte[] body, String remoteAddress) {
    String refusal = refusal(source, headers, body);
    if (refusal != null) {
      audited(source, remoteAddress, refusal);
      throw ApiProblem.unauthorized(refusal);
    }
  }

  private String refusal(WebhookSource source, HttpHeaders headers, byte[] body) {
    WebhookCredentials credentials = config.credentials(source).orElse(null);
    if (credentials == null || !(credentials.hasToken() || credentials.hasHmacSecret())) {
      return unconfigured(source);
    }
    if (credentials.hasToken()) {
      String problem = tokenProblem(credentials.token(), headers.get(HttpHeaders.AUTHORIZATION));
      if (problem != null) {
        return problem;
      }
    }
    return credentials.hasHmacSecret() ? signatureProblem(credentials, headers, body) : null;
  }

  /** Dev mode lets an unconfigured source in, so a laptop works at once; production never does. */
  private String unconfigured(WebhookSource source) {
    if (!devMode) {
      return "no credential is configured for the "
          + source.id()
          + " webhook, so it is refused; set REMEDIA_WEBHOOKS_"
          + source.name()
          + "_TOKEN or configure it in the operator configuration";
    }
    synchronized (warnedOpen) {
      if (warnedOpen.add(source)) {
        LOG.warn(
            "Webhook {} has no credential configured: dev mode accepts it unauthenticated; production "
                + "would refuse it (set REMEDIA_WEBHOOKS_{}_TOKEN)",
            source.id(),
            source.name());
      }
    }
    return null;
  }

  private static String tokenProblem(String expected, String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return "missing Authorization header; send 'Authorization: Bearer <token>'";
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
      return "the Authorization header must use the Bearer scheme";
    }
    return sameSecret(expected, parts[1]) ? null : "the bearer token is wrong";
  }

  private static String signatureProblem(WebhookCredentials credentials, HttpHeaders headers, byte[] body) {
    String signature = headers.get(credentials.signatureHeader());
    if (signature == null || signature.isBlank()) {
      return "missing " + credentials.signatureHeader() + " header with the HMAC-SHA256 signature of the body";
    }
    // Grafana signs "<timestamp>:<body>" whenever it sends its timestamp header, configured here or not.
    String timestampHeader =
        credentials.timestampHeader() == null
            ? WebhookCredentials.GRAFANA_TIMESTAMP_HEADER
            : credentials.timestampHeader();
    String timestamp = headers.get(timestampHeader);
    byte[] signedPrefix = new byte[0];
    if (timestamp != null) {
      String stale = RequestSignatures.timestampProblem(timestampHeader, timestamp.strip());
      if (stale != null) {
        return stale;
      }
      signedPrefix = (timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8);
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(signature.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return credentials.signatureHeader() + " must be the hex HMAC-SHA256 of the body";
    }
    return RequestSignatures.same(RequestSignatures.hmacSha256(credentials.hmacSecret(), signedPrefix, body), presented)
        ? null
        : "the " + credentials.signatureHeader() + " signature does not match the body";
  }

  /** Compares digests, so neither the content nor the length of the secret shows in the timing. */
  private static boolean sameSecret(String expected, String presented) {
    return MessageDigest.isEqual(sha256(expected), sha256(presented));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  // A refusal is answered whether or not it could be audited: the monitor must hear 401 either way.
  private void audited(WebhookSource source, String remoteAddress, String reason) {
    audit.record(
        source.auditActor(), "webhook.refused", "webhook", source.id(), remoteAddress, "refused",
        Map.of("reason", reason));
  }

}
