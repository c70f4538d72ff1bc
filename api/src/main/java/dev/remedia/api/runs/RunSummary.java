package dev.remedia.api.runs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One line of {@code GET /api/runs}. */
@Serdeable
public record RunSummary(
    String id,
    String runbook,
    String status,
    @Nullable String failure,
    Instant createdAt,
    @Nullable Instant endedAt) {

  /** A page of runs; pass {@code next} back as {@code cursor} for the following page. */
  @Serdeable
  public record Page(List<RunSummary> items, @Nullable String next) {}
}
