package dev.remedia.api.webhooks;

import static dev.remedia.api.webhooks.PayloadRules.annotations;
import static dev.remedia.api.webhooks.PayloadRules.child;
import static dev.remedia.api.webhooks.PayloadRules.element;
import static dev.remedia.api.webhooks.PayloadRules.invalid;
import static dev.remedia.api.webhooks.PayloadRules.key;
import static dev.remedia.api.webhooks.PayloadRules.labels;
import static dev.remedia.api.webhooks.PayloadRules.optionalLink;
import static dev.remedia.api.webhooks.PayloadRules.optionalObject;
import static dev.remedia.api.webhooks.PayloadRules.optionalText;
import static dev.remedia.api.webhooks.PayloadRules.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's webhook shape (version 4), which Grafana's unified alerting extends with fields of
 * its own. Both parsers read through one instance each, differing only in the extra fields they know
 * and the order in which they prefer links.
 */
final class AlertGroupFormat {

  /** A field a source adds to Alertmanager's shape; its value is kept only in the alert's raw JSON. */
  record KnownField(String name, Kind kind) {}

  /** How a source-specific field is checked. */
  enum Kind {
    STRING,
    NUMBER,
    OBJECT,
    LINK;

    void check(JsonNode object, String name, String path) {
      switch (this) {
        case STRING -> optionalText(object, name, path);
        case NUMBER -> PayloadRules.optionalNumber(object, name, path);
        case OBJECT -> optionalObject(object, name, path);
        case LINK -> optionalLink(object, name, path);
      }
    }
  }

  /** How Go writes its zero time, which Alertmanager and Grafana send for "no end time". */
  static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

  /** The group fields copied into each alert's raw JSON, under {@code "group"}. */
  static final List<String> GROUP_FIELDS_KEPT = List.of("groupKey", "receiver", "externalURL");

  private final WebhookSource source;
  private final List<KnownField> groupFields;
  private final List<KnownField> alertFields;
  private final List<String> linkPreference;

  /**
   * @param groupFields top-level fields the source adds to Alertmanager's, with their types
   * @param alertFields per-alert fields the source adds, with their types, other than links
   * @param linkPreference per-alert link fields, best first; the group's {@code externalURL} is last
   */
  AlertGroupFormat(
      WebhookSource source,
      List<KnownField> groupFields,
      List<KnownField> alertFields,
      List<String> linkPreference) {
    this.source = source;
    this.groupFields = groupFields;
    this.alertFields = alertFields;
    this.linkPreference = linkPreference;
  }

  List<ReceivedAlert> parse(byte[] body) {
    JsonNode group = PayloadRules.readObject(body);
    optionalText(group, "version", "");
    optionalText(group, "status", "");
    PayloadRules.optionalNumber(group, "truncatedAlerts", "");
    labels(optionalObject(group, "groupLabels", ""), "groupLabels");
    labels(optionalObject(group, "commonLabels", ""), "commonLabels");
    annotations(optionalObject(group, "commonAnnotations", ""), "commonAnnotations");
    groupFields.forEach(field -> field.kind().check(group, field.name(), ""));

    String groupKey =
        key(PayloadRules.requiredText(group, "groupKey", ""), "groupKey", PayloadRules.MAX_GROUP_KEY_CHARS);
    optionalText(group, "receiver", "");
    String externalUrl = optionalLink(group, "externalURL", "");
    JsonNode alerts = required(group, "alerts", "");
    if (!alerts.isArray()) {
      throw PayloadRules.wrongType("alerts", "an array", alerts);
    }
    if (alerts.isEmpty()) {
      throw invalid("alerts is empty; at least one alert is expected");
    }
    if (alerts.size() > PayloadRules.MAX_ALERTS) {
      throw invalid("alerts: %,d alerts; at most %,d are accepted", alerts.size(), PayloadRules.MAX_ALERTS);
    }

    // Each alert is stored on its own, so it carries the group fields it cannot be understood without.
    ObjectNode groupForRaw = JsonNodeFactory.instance.objectNode();
    for (String name : GROUP_FIELDS_KEPT) {
      JsonNode value = PayloadRules.field(group, name);
      if (value != null) {
        groupForRaw.set(name, value);
      }
    }

    List<ReceivedAlert> received = new ArrayList<>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      received.add(alert(alerts.get(i), element("alerts", i), groupKey, externalUrl, groupForRaw));
    }
    return List.copyOf(received);
  }

  private ReceivedAlert alert(
      JsonNode alert, String path, String groupKey, String externalUrl, ObjectNode groupForRaw) {
    if (!alert.isObject()) {
      throw PayloadRules.wrongType(path, "a JSON object", alert);
    }
    AlertStatus status = status(PayloadRules.requiredText(alert, "status", path), child(path, "status"));
    Map<String, String> labels =
        labels(PayloadRules.requiredObject(alert, "labels", path), child(path, "labels"));
    Map<String, String> annotations =
        annotations(optionalObject(alert, "annotations", path), child(path, "annotations"));
    Instant startsAt = time(alert, "startsAt", path);
    Instant endsAt = time(alert, "endsAt", path);
    alertFields.forEach(field -> field.kind().check(alert, field.name(), path));

    String fingerprint = PayloadRules.nonBlankText(alert, "fingerprint", path);
    String identity =
        fingerprint != null ? key(fingerprint, child(path, "fingerprint")) : labelsHash(labels);

    ObjectNode raw = alert.deepCopy();
    raw.set("group", groupForRaw);
    return new ReceivedAlert(
        source,
        status,
        groupKey,
        identity,
        groupKey,
        Severity.fromText(labels.get("severity")),
        PayloadRules.summary(summary(labels, annotations, identity)),
        labels,
        annotations,
        startsAt,
        endsAt,
        link(alert, path, externalUrl),
        PayloadRules.compact(raw));
  }

  private static AlertStatus status(String status, String path) {
    return switch (status) {
      case "firing" -> AlertStatus.FIRING;
      case "resolved" -> AlertStatus.RESOLVED;
      default -> throw invalid("%s must be 'firing' or 'resolved', not %s", path, PayloadRules.quote(status));
    };
  }

  private static Instant time(JsonNode alert, String name, String path) {
    String text = optionalText(alert, name, path);
    if (text == null || text.equals(GO_ZERO_TIME)) {
      return null;
    }
    return PayloadRules.instant(text, child(path, name));
  }

  /** The first link present in order of preference; every one of them is checked, used or not. */
  private String link(JsonNode alert, String path, String externalUrl) {
    String link = null;
    for (String name : linkPreference) {
      String candidate = optionalLink(alert, name, path);
      link = link == null ? candidate : link;
    }
    return link == null ? externalUrl : link;
  }

  private static String summary(Map<String, String> labels, Map<String, String> annotations, String identity) {
    for (String name : List.of("summary", "description")) {
      String text = annotations.get(name);
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    String alertName = labels.get("alertname");
    if (alertName == null || alertName.isBlank()) {
      return "alert " + identity;
    }
    String instance = labels.get("instance");
    return instance == null || instance.isBlank() ? alertName : alertName + " (" + instance + ")";
  }

  /**
   * A stable identity for an alert without a fingerprint. Names and values never contain NUL (the
   * body's rules refuse it), so NUL separates them unambiguously.
   */
  private static String labelsHash(Map<String, String> labels) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(labels).forEach((name, value) -> canonical.append(name).append('\0').append(value).append('\0'));
    return "labels:" + PayloadRules.sha256Hex(canonical.toString());
  }
}
