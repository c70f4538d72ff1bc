package dev.remedia.workflows.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One received alert as the incident workflow sees it. The raw payload, labels and annotations stay in
 * PostgreSQL (row {@code alertId}); history carries only what the incident decides on.
 *
 * @param alertId the alert's row in the read model
 * @param identity what makes two notifications the same alert within one incident (Alertmanager's
 *     fingerprint, Datadog's monitor id, the events API's dedup key)
 * @param startsAtMillis when the monitor says the alert started, or 0 when it did not say
 * @param receivedAtMillis when Remedia received it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertNotice(
    String alertId,
    String identity,
    AlertStatus status,
    Severity severity,
    String summary,
    String link,
    long startsAtMillis,
    long receivedAtMillis) {}
