package dev.remedia.activities.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as a webhook delivered it, stored before its incident workflow is signalled.
 *
 * @param labelsJson labels as a JSON object
 * @param annotationsJson annotations as a JSON object
 * @param payload the alert's JSON exactly as received
 */
public record NewAlert(
    UUID id,
    String source,
    String dedupeKey,
    String identity,
    String workflowId,
    String route,
    String status,
    String severity,
    String summary,
    String labelsJson,
    String annotationsJson,
    Instant startsAt,
    Instant endsAt,
    String link,
    Instant receivedAt,
    String payload) {}
