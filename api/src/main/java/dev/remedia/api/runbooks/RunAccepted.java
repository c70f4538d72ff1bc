package dev.remedia.api.runbooks;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to starting a run: its id and where to follow it.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key started this run
 */
@Serdeable
public record RunAccepted(String id, String runbook, String status, String location, boolean replayed) {}
