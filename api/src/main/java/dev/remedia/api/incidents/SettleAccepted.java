package dev.remedia.api.incidents;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to {@code POST /api/incidents/{id}/ack} or {@code /resolve}: the incident's workflow has
 * the request; the incident shows the outcome a moment later.
 */
@Serdeable
public record SettleAccepted(String incidentId, String action, String by, String via) {}
