package dev.remedia.api.webhooks;

import static dev.remedia.api.webhooks.PayloadRules.field;
import static dev.remedia.api.webhooks.PayloadRules.invalid;
import static dev.remedia.api.webhooks.PayloadRules.key;
import static dev.remedia.api.webhooks.PayloadRules.nonBlankText;
import static dev.remedia.api.webhooks.PayloadRules.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Datadog's webhook integration. Datadog posts whatever template the user pasted into it, so
 * the body is the template in {@code docs/webhooks.md}: one object with Datadog's variables filled in.
 * The alert cycle key is the proposed dedupe key, so each trigger-to-recovery cycle is one incident.
 */
@Singleton
public class DatadogPayloadParser implements PayloadParser {

  /** Transitions that mean the monitor is alerting; any transition naming a recovery resolves. */
  static final List<String> FIRING_TRANSITIONS =
      List.of("Triggered", "Re-Triggered", "Warn", "Re-Warn", "No Data", "Re-No Data", "Renotify");

  private static final List<String> WARN_TRANSITIONS = List.of("Warn", "Re-Warn");

  @Override
  public WebhookSource source() {
    return WebhookSource.DATADOG;
  }

  @Override
  public List<ReceivedAlert> parse(byte[] bytes) {
    JsonNode body = PayloadRules.readObject(bytes);
    String alertId = key(requiredText(body, "alert_id", ""), "alert_id");
    String cycleKey = key(requiredText(body, "cycle_key", ""), "cycle_key");
    String transition = requiredText(body, "transition", "").trim();
    AlertStatus status = status(transition);
    String title = requiredText(body, "title", "");
    String priority = nonBlankText(body, "priority", "");
    String tags = PayloadRules.optionalText(body, "tags", "");
    String link = PayloadRules.optionalLink(body, "link", "");
    Instant date = date(field(body, "date"));
    String hostname =
        PayloadRules.bounded(nonBlankText(body, "hostname", ""), "hostname", PayloadRules.MAX_LABEL_VALUE_CHARS);
    String message = nonBlankText(body, "message", "");
    String monitorStatus = nonBlankText(body, "status", "");

    Map<String, String> labels = tags(tags);
    labels.put("alert_id", alertId);
    if (hostname != null) {
      labels.put("hostname", hostname);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (message != null) {
      annotations.put("message", message);
    }
    if (monitorStatus != null) {
      annotations.put("status", monitorStatus);
    }

    return List.of(
        new ReceivedAlert(
            WebhookSource.DATADOG,
            status,
            cycleKey,
            alertId,
            null,
            severity(priority, transition),
            PayloadRules.summary(title),
            PayloadRules.labels(labels, "tags"),
            PayloadRules.annotations(annotations, ""),
            status == AlertStatus.FIRING ? date : null,
            status == AlertStatus.RESOLVED ? date : null,
            link,
            PayloadRules.compact(body)));
  }

  private static AlertStatus status(String transition) {
    if (transition.toLowerCase(Locale.ROOT).contains("recovered")) {
      return AlertStatus.RESOLVED;
    }
    if (FIRING_TRANSITIONS.stream().anyMatch(transition::equalsIgnoreCase)) {
      return AlertStatus.FIRING;
    }
    throw invalid(
        "transition must be one of %s, or a transition containing 'Recovered', not %s",
        String.join(", ", FIRING_TRANSITIONS), PayloadRules.quote(transition));
  }

  /** Datadog's priority when it names one; a warning without a priority is at most a warning. */
  private static Severity severity(String priority, String transition) {
    Severity severity = Severity.fromText(priority);
    boolean warning = WARN_TRANSITIONS.stream().anyMatch(transition::equalsIgnoreCase);
    return severity == Severity.UNKNOWN && warning ? Severity.WARNING : severity;
  }

  /** Datadog renders {@code $DATE} as epoch milliseconds; an empty rendering means no date. */
  private static Instant date(JsonNode date) {
    if (date == null || (date.isTextual() && date.textValue().isBlank())) {
      return null;
    }
    return PayloadRules.epochMillis(date, "date");
  }

  /**
   * Datadog's {@code $TAGS}: {@code key:value} pairs separated by commas. A tag without a colon is a
   * label with an empty value; a key given twice keeps both values, joined by a comma.
   */
  private static Map<String, String> tags(String tags) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (tags == null) {
      return labels;
    }
    for (String tag : tags.split(",")) {
      String trimmed = tag.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      String name = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
      String value = colon < 0 ? "" : trimmed.substring(colon + 1).trim();
      labels.merge(name, value, (earlier, later) -> earlier + "," + later);
    }
    return labels;
  }
}
