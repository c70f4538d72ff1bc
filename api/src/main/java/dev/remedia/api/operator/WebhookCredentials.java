package dev.remedia.api.operator;

/**
 * What a monitor must present to post to its webhook. Any of the secrets may be absent; the values
 * never appear in {@link #toString()}.
 *
 * @param token a shared bearer token, or null
 * @param hmacSecret Grafana only: the secret its body signature is made with, or null
 * @param signatureHeader Grafana only: the header carrying the signature
 * @param timestampHeader Grafana only: the header carrying the signed timestamp
 */
public record WebhookCredentials(
    String token, String hmacSecret, String signatureHeader, String timestampHeader) {

  public static final String GRAFANA_SIGNATURE_HEADER = "X-Grafana-Alerting-Signature";
  public static final String GRAFANA_TIMESTAMP_HEADER = "X-Grafana-Alerting-Timestamp";

  public boolean hasToken() {
    return token != null;
  }

  public boolean hasHmacSecret() {
    return hmacSecret != null;
  }

  boolean isEmpty() {
    return token == null && hmacSecret == null;
  }

  @Override
  public String toString() {
    return "WebhookCredentials[token=" + (token == null ? "none" : "***")
        + ", hmacSecret=" + (hmacSecret == null ? "none" : "***")
        + ", signatureHeader=" + signatureHeader
        + ", timestampHeader=" + timestampHeader + "]";
  }
}
