package dev.remedia.activities.store;

import dev.remedia.workflows.runbook.RunStatus;
import java.time.Instant;

/**
 * A run as the read model holds it; input and result are JSON text.
 *
 * @param retryOf the run this one retries, or null
 */
public record StoredRun(
    String id,
    String runbook,
    RunStatus status,
    String inputJson,
    String resultJson,
    String failure,
    Instant createdAt,
    Instant endedAt,
    String retryOf) {}
