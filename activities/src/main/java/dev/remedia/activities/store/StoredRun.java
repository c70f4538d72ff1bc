package dev.remedia.activities.store;

import dev.remedia.workflows.runbook.RunStatus;
import java.time.Instant;

/** A run as the read model holds it; input and result are JSON text. */
public record StoredRun(
    String id,
    String runbook,
    RunStatus status,
    String inputJson,
    String resultJson,
    String failure,
    Instant createdAt,
    Instant endedAt) {}
