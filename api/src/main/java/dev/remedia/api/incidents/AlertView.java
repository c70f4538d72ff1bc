package dev.remedia.api.incidents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An alert as received. {@code payload} (the raw JSON text) is only filled by
 * {@code GET /api/alerts/{id}}; incident timelines leave it out to stay small.
 */
@Serdeable
public record AlertView(
    String id,
    @Nullable String incidentId,
    String source,
    String dedupeKey,
    @Nullable String identity,
    String status,
    @Nullable String severity,
    @Nullable String summary,
    @Nullable JsonNode labels,
    @Nullable JsonNode annotations,
    @Nullable Instant startsAt,
    @Nullable Instant endsAt,
    @Nullable String link,
    Instant receivedAt,
    boolean duplicate,
    @Nullable String route,
    @Nullable String payload) {}
