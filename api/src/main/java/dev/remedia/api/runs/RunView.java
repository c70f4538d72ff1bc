package dev.remedia.api.runs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A run with its step timeline, as {@code GET /api/runs/{id}} shows it.
 *
 * @param retryOf the run this one retries, or null
 * @param retriedBy the runs that retry this one, oldest first
 */
@Serdeable
public record RunView(
    String id,
    String runbook,
    String status,
    JsonNode input,
    @Nullable JsonNode result,
    @Nullable String failure,
    Instant createdAt,
    @Nullable Instant endedAt,
    @Nullable String retryOf,
    List<String> retriedBy,
    List<StepView> steps) {

  @Serdeable
  public record StepView(
      int seq,
      String name,
      String state,
      Instant startedAt,
      @Nullable Instant endedAt,
      @Nullable String detail) {}
}
