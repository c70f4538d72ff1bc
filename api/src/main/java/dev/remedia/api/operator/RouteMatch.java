package dev.remedia.api.operator;

import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.workflows.incident.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which alerts a route takes; every condition given must hold, and no condition matches everything. As in
 * Prometheus, a label with an empty value counts as absent, and an absent label compares as "".
 *
 * @param source the only source taken, or null for any
 * @param severities the severities taken, as the source's parser normalised them; empty for any
 * @param labels labels that must have exactly these values
 * @param labelsRegex labels whose whole value must match these patterns
 * @param labelsAbsent labels that must not be set
 */
public record RouteMatch(
    WebhookSource source,
    Set<Severity> severities,
    Map<String, String> labels,
    Map<String, Pattern> labelsRegex,
    List<String> labelsAbsent) {

  public static final RouteMatch ANY = new RouteMatch(null, Set.of(), Map.of(), Map.of(), List.of());

  public RouteMatch {
    severities = Set.copyOf(severities);
    labels = Map.copyOf(labels);
    labelsRegex = Map.copyOf(labelsRegex);
    labelsAbsent = List.copyOf(labelsAbsent);
  }

  public boolean matches(ReceivedAlert alert) {
    if (source != null && source != alert.source()) {
      return false;
    }
    if (!severities.isEmpty() && !severities.contains(alert.severity())) {
      return false;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!label.getValue().equals(value(alert, label.getKey()))) {
        return false;
      }
    }
    for (Map.Entry<String, Pattern> label : labelsRegex.entrySet()) {
      if (!label.getValue().matcher(value(alert, label.getKey())).matches()) {
        return false;
      }
    }
    for (String name : labelsAbsent) {
      if (!value(alert, name).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String value(ReceivedAlert alert, String label) {
    String value = alert.labels() == null ? null : alert.labels().get(label);
    return value == null ? "" : value;
  }
}
