package dev.remedia.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs the application with an operator configuration that sets a credential for every source and a
 * one-second flap window, and posts captured payloads the way each monitor does.
 */
abstract class WebhookTestSupport extends ApiTestSupport {

  static final String ALERTMANAGER_TOKEN = "am-token-5b1f0c";
  static final String DATADOG_TOKEN = "dd-token-77a2e9";
  static final String EVENTS_TOKEN = "ev-token-0c4d18";
  static final String GRAFANA_SECRET = "grafana-hmac-91e3";

  private static final String CONFIG =
      """
      webhooks:
        alertmanager: { token: %s }
        grafana: { hmac-secret: %s }
        datadog: { token: %s }
        events: { token: %s }
      incidents:
        flap-window: 1s
      routes:
        - name: db-hosts-down
          match:
            source: alertmanager
            labels: { alertname: HostDown, team: storage }
          runbook: http-check
          input:
            url: "http://127.0.0.1:9/{{labels.instance}}"
            maxAttempts: 1
      """
          .formatted(ALERTMANAGER_TOKEN, GRAFANA_SECRET, DATADOG_TOKEN, EVENTS_TOKEN);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  /** A captured payload with every occurrence of each key replaced by its value. */
  static String fixture(String name, String... replacements) {
    try (InputStream in = WebhookTestSupport.class.getResourceAsStream("/webhooks/" + name + ".json")) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (int i = 0; i < replacements.length; i += 2) {
        body = body.replace(replacements[i], replacements[i + 1]);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  HttpResponse<String> postToGrafana(String body, long timestamp, String secret) {
    return send(
        HttpRequest.newBuilder(baseUri().resolve("/webhooks/grafana"))
            .header("Content-Type", "application/json")
            .header("X-Grafana-Alerting-Timestamp", String.valueOf(timestamp))
            .header("X-Grafana-Alerting-Signature", grafanaSignature(secret, timestamp + ":" + body))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String grafanaSignature(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The incident a delivery reached, once its workflow has journaled it to the read model. */
  JsonNode incidentOf(HttpResponse<String> accepted, Predicate<JsonNode> until) {
    String alertId = json(accepted).get("incidents").get(0).get("alertIds").get(0).asText();
    return eventually(
        () -> {
          JsonNode alert = json(get("/api/alerts/" + alertId));
          if (alert.get("incidentId").isNull()) {
            return null;
          }
          JsonNode incident = json(get("/api/incidents/" + alert.get("incidentId").asText()));
          return until.test(incident) ? incident : null;
        });
  }

  /** An incident's event kinds as a JSON array, for one readable assertion. */
  static String kinds(JsonNode events) {
    StringBuilder kinds = new StringBuilder("[");
    for (JsonNode event : events) {
      kinds.append(kinds.length() > 1 ? "," : "").append('"').append(event.get("kind").asText()).append('"');
    }
    return kinds.append(']').toString();
  }

}
