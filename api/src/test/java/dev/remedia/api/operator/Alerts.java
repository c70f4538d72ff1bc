package dev.remedia.api.operator;

import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import java.util.Map;

/** Alerts as the parsers would produce them, with only what a test cares about. */
final class Alerts {

  private Alerts() {}

  static ReceivedAlert alert(WebhookSource source, Map<String, String> labels) {
    return alert(source, labels, Map.of());
  }

  static ReceivedAlert alert(
      WebhookSource source, Map<String, String> labels, Map<String, String> annotations) {
    return alert(source, Severity.CRITICAL, labels, annotations);
  }

  static ReceivedAlert alert(WebhookSource source, Severity severity) {
    return alert(source, severity, Map.of(), Map.of());
  }

  private static ReceivedAlert alert(
      WebhookSource source, Severity severity, Map<String, String> labels, Map<String, String> annotations) {
    boolean grouped = source == WebhookSource.ALERTMANAGER || source == WebhookSource.GRAFANA;
    return new ReceivedAlert(
        source,
        AlertStatus.FIRING,
        "default-key",
        "identity-1",
        grouped ? "group-1" : null,
        severity,
        "Website is down",
        labels,
        annotations,
        null,
        null,
        null,
        "{}");
  }
}
