package dev.remedia.activities.store;

import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.SettleAction;
import java.time.Instant;

/**
 * An escalation as the read model holds it.
 *
 * @param replyCode the code SMS replies name, or null once the escalation stopped paging
 * @param settledAction how it was settled, or null while paging or when it ran out
 * @param finalAction what was done when the policy ran out, or null
 * @param endedAt when it was settled or ran out, or null while paging
 * @param stopRequestedAt when an answer reached Temporal and withdrew its waiting pages, or null
 */
public record StoredEscalation(
    String id,
    String subjectId,
    String incidentId,
    String runId,
    String policy,
    String planJson,
    String replyCode,
    EscalationStatus status,
    Instant startedAt,
    SettleAction settledAction,
    String settledBy,
    String settledVia,
    Instant settledAt,
    FinalAction finalAction,
    Instant endedAt,
    Instant stopRequestedAt) {}
