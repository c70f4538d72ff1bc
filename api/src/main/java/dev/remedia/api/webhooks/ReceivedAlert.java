package dev.remedia.api.webhooks;

import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * One alert as a monitor sent it, normalised across sources, before routing.
 *
 * @param defaultDedupeKey the incident key the source proposes (Alertmanager and Grafana: the group
 *     key; Datadog: the alert cycle key; events: {@code dedup_key}); a route may choose another
 * @param identity what makes two notifications the same alert (see {@code AlertNotice.identity})
 * @param groupKey Alertmanager's and Grafana's group key, or null for other sources
 * @param startsAt when the alert started, or null when the monitor did not say
 * @param endsAt when it ended, or null
 * @param link a link back to the monitor, or null
 * @param rawJson this alert's own JSON as received, kept in the store
 */
public record ReceivedAlert(
    WebhookSource source,
    AlertStatus status,
    String defaultDedupeKey,
    String identity,
    String groupKey,
    Severity severity,
    String summary,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String link,
    String rawJson) {}
