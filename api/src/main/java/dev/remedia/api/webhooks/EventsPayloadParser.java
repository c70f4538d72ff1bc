package dev.remedia.api.webhooks;

import static dev.remedia.api.webhooks.PayloadRules.child;
import static dev.remedia.api.webhooks.PayloadRules.element;
import static dev.remedia.api.webhooks.PayloadRules.invalid;
import static dev.remedia.api.webhooks.PayloadRules.key;
import static dev.remedia.api.webhooks.PayloadRules.nonBlankText;
import static dev.remedia.api.webhooks.PayloadRules.optionalText;
import static dev.remedia.api.webhooks.PayloadRules.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the generic events source, shaped like PagerDuty's Events API v2, for anything that can post
 * JSON. A trigger without a {@code dedup_key} gets one derived from its source and summary, so a
 * sender's retries of the same event fold into one incident.
 */
@Singleton
public class EventsPayloadParser implements PayloadParser {

  static final List<String> ACTIONS = List.of("trigger", "acknowledge", "resolve");

  static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

  /** The payload fields that become labels, under the same names. */
  static final List<String> LABEL_FIELDS = List.of("source", "component", "group", "class");

  @Override
  public WebhookSource source() {
    return WebhookSource.EVENTS;
  }

  @Override
  public List<ReceivedAlert> parse(byte[] bytes) {
    JsonNode body = PayloadRules.readObject(bytes);
    String action = requiredText(body, "event_action", "");
    AlertStatus status =
        switch (action) {
          case "trigger" -> AlertStatus.FIRING;
          case "acknowledge" -> AlertStatus.ACKNOWLEDGED;
          case "resolve" -> AlertStatus.RESOLVED;
          default -> throw invalid(
              "event_action must be one of %s, not %s", String.join(", ", ACTIONS), PayloadRules.quote(action));
        };
    boolean trigger = status == AlertStatus.FIRING;
    String dedupKey = optionalText(body, "dedup_key", "");
    if (dedupKey == null && !trigger) {
      throw invalid("field 'dedup_key' is required to %s an event", action);
    }
    JsonNode payload =
        trigger ? PayloadRules.requiredObject(body, "payload", "") : PayloadRules.optionalObject(body, "payload", "");
    Payload read = payload == null ? Payload.NONE : readPayload(payload, trigger);
    String link = link(body);
    optionalText(body, "client", "");

    String identity =
        dedupKey != null
            ? key(dedupKey, "dedup_key")
            : "auto-" + PayloadRules.sha256Hex(read.labels.get("source") + '\0' + read.summary);
    String summary = read.summary != null ? read.summary : action + " " + identity;
    return List.of(
        new ReceivedAlert(
            WebhookSource.EVENTS,
            status,
            identity,
            identity,
            null,
            read.severity,
            PayloadRules.summary(summary),
            read.labels,
            read.annotations,
            read.timestamp,
            null,
            link,
            PayloadRules.compact(body)));
  }

  private record Payload(
      String summary,
      Severity severity,
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant timestamp) {
    static final Payload NONE = new Payload(null, Severity.UNKNOWN, Map.of(), Map.of(), null);
  }

  /**
   * A trigger must say what, where and how bad; an acknowledgement or resolution may repeat the
   * payload, and what it repeats is held to the same types.
   */
  private static Payload readPayload(JsonNode payload, boolean trigger) {
    String summary =
        trigger ? requiredText(payload, "summary", "payload") : nonBlankText(payload, "summary", "payload");
    if (trigger) {
      requiredText(payload, "source", "payload");
      requiredText(payload, "severity", "payload");
    }
    String severity = optionalText(payload, "severity", "payload");
    if (severity != null && !SEVERITIES.contains(severity)) {
      throw invalid(
          "payload.severity must be one of %s, not %s", String.join(", ", SEVERITIES), PayloadRules.quote(severity));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String name : LABEL_FIELDS) {
      String value = nonBlankText(payload, name, "payload");
      if (value != null) {
        labels.put(name, value);
      }
    }
    JsonNode details = PayloadRules.optionalObject(payload, "custom_details", "payload");
    return new Payload(
        summary,
        Severity.fromText(severity),
        PayloadRules.labels(labels, "payload"),
        PayloadRules.annotations(
            details == null ? Map.of() : PayloadRules.flatten(details), "payload.custom_details"),
        PayloadRules.optionalInstant(payload, "timestamp", "payload"));
  }

  /** The first link's {@code href}, else {@code client_url}; every link is checked. */
  private static String link(JsonNode body) {
    String first = null;
    JsonNode links = PayloadRules.optionalArray(body, "links", "");
    for (int i = 0; links != null && i < links.size(); i++) {
      String path = element("links", i);
      JsonNode link = links.get(i);
      if (!link.isObject()) {
        throw PayloadRules.wrongType(path, "a JSON object", link);
      }
      optionalText(link, "text", path);
      String href = PayloadRules.bounded(requiredText(link, "href", path), child(path, "href"), PayloadRules.MAX_LINK_CHARS);
      first = first == null ? href : first;
    }
    String clientUrl = PayloadRules.optionalLink(body, "client_url", "");
    return first != null ? first : clientUrl;
  }
}
