package dev.remedia.api.runs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to {@code POST /api/runs/{id}/cancel}: Temporal has the request. The run undoes what its
 * runbook registered and ends {@code CANCELLED}; follow it at {@code location}.
 */
@Serdeable
public record RunCancelAccepted(String id, String by, @Nullable String reason, String location) {}
