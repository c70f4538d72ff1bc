package dev.remedia.activities.store;

import java.time.Instant;
import java.util.UUID;

/** An incident as the read model holds it. */
public record StoredIncident(
    UUID id,
    String source,
    String dedupeKey,
    String workflowId,
    String status,
    String severity,
    String summary,
    String link,
    String route,
    String runbook,
    String escalationPolicy,
    long alertCount,
    long duplicateCount,
    int firingCount,
    Instant openedAt,
    Instant lastSeenAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    Instant closedAt) {}
