package dev.remedia.api.slack;

import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.config.SlackSettings;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.signing.RequestSignatures;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Proves that a callback comes from Slack before anything reads it: {@code X-Slack-Signature} must be
 * {@code v0=} and the HMAC-SHA256, under the app's signing secret, of {@code v0:<timestamp>:<body>};
 * the timestamp must be within five minutes of now, and the same signature is accepted once. Refusals
 * are answered 401 and audited with the reason, never with the body or a secret.
 */
@Singleton
class SlackRequestVerifier {

  static final String SIGNATURE_HEADER = "X-Slack-Signature";
  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

  private static final String VERSION = "v0";
  private static final int REMEMBERED_SIGNATURES = 10_000;

  private final SlackSettings settings;
  private final AuditTrail audit;
  private final RecentSignatures recent = new RecentSignatures(REMEMBERED_SIGNATURES);

  SlackRequestVerifier(SlackSettings settings, AuditTrail audit) {
    this.settings = settings;
    this.audit = audit;
  }

  void verify(HttpHeaders headers, byte[] body, String remoteAddress) {
    if (!settings.verifiesInteractions()) {
      throw ApiProblem.notFound(
          "Slack is not configured here: set REMEDIA_SLACK_SIGNING_SECRET to take Slack button clicks");
    }
    String refusal = refusal(headers, body);
    if (refusal != null) {
      audited(remoteAddress, refusal);
      throw ApiProblem.unauthorized(refusal);
    }
  }

  private String refusal(HttpHeaders headers, byte[] body) {
    String signature = headers.get(SIGNATURE_HEADER);
    String timestamp = headers.get(TIMESTAMP_HEADER);
    if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
      return "missing " + SIGNATURE_HEADER + " or " + TIMESTAMP_HEADER + " header; only Slack's signed requests are taken";
    }
    String stale = RequestSignatures.timestampProblem(TIMESTAMP_HEADER, timestamp.strip());
    if (stale != null) {
      return stale;
    }
    String presented = signature.strip().toLowerCase(Locale.ROOT);
    byte[] digest = digestOf(presented);
    if (digest == null) {
      return SIGNATURE_HEADER + " must be v0= followed by the hex HMAC-SHA256 of the request";
    }
    byte[] prefix = (VERSION + ":" + timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8);
    if (!RequestSignatures.same(RequestSignatures.hmacSha256(settings.signingSecret(), prefix, body), digest)) {
      return "the " + SIGNATURE_HEADER + " signature does not match the request";
    }
    if (!recent.firstSighting(presented, Long.parseLong(timestamp.strip()), Instant.now().getEpochSecond())) {
      return "this signed request was already received; a replay is refused";
    }
    return null;
  }

  private static byte[] digestOf(String signature) {
    if (!signature.startsWith(VERSION + "=")) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(signature.substring(VERSION.length() + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // A refusal is answered whether or not it could be audited: the caller must hear 401 either way.
  private void audited(String remoteAddress, String reason) {
    audit.record("slack", "slack.refused", "slack", "interactions", remoteAddress, "refused", Map.of("reason", reason));
  }

}
