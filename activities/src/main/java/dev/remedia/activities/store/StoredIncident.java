package dev.remedia.activities.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident as the read model holds it.
 *
 * @param acknowledgedVia how it was acknowledged: slack, sms, voice, api, console or the monitor's source
 * @param escalationId the workflow id of the escalation that pages for it, or null when none did
 */
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
    Instant closedAt,
    String acknowledgedBy,
    String acknowledgedVia,
    String resolvedBy,
    String resolvedVia,
    String escalationId) {}
