package dev.remedia.api.runbooks;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to starting a run: its id and where to follow it.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key started this run
 * @param joined true when this run was already running for the same exclusive key (one renewal per
 *     endpoint at a time), so the request joined it instead of starting another
 */
@Serdeable
public record RunAccepted(
    String id, String runbook, String status, String location, boolean replayed, boolean joined) {}
