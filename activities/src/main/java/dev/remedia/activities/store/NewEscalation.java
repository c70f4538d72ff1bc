package dev.remedia.activities.store;

import java.time.Instant;

/**
 * An escalation as its plan activity starts it.
 *
 * @param id the escalation's workflow id
 * @param planJson the plan the workflow received, as Temporal's mapper wrote it
 */
public record NewEscalation(
    String id,
    String subjectId,
    String incidentId,
    String runId,
    String policy,
    String planJson,
    String replyCode,
    Instant startedAt) {}
