package dev.remedia.api.reports;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/reports/sla}: the figures of each group, ordered by name, and of everything.
 *
 * @param from the window's start, inclusive
 * @param to the window's end, exclusive
 * @param percentiles how percentiles are computed: {@code nearest-rank}
 */
@Serdeable
public record SlaReport(
    Instant from, Instant to, String groupBy, String percentiles, List<SlaFigures> groups, SlaFigures total) {}
