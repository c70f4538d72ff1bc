package dev.remedia.activities.store;

import java.time.Instant;
import java.util.UUID;

/** An alert as the read model holds it; {@code incidentId} is null until its incident links it. */
public record StoredAlert(
    UUID id,
    UUID incidentId,
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
    boolean duplicate,
    String payload) {}
