package dev.remedia.api.runs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Runs and their step timelines, read from PostgreSQL. */
@Controller("/api/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
class RunController {

  private final RunReader reader;

  RunController(RunReader reader) {
    this.reader = reader;
  }

  /** Newest first; filter by status and runbook; page with {@code limit} and {@code cursor}. */
  @Get
  RunSummary.Page list(
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String runbook,
      @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    return reader.list(status, runbook, limit, cursor);
  }

  @Get("/{id}")
  RunView find(@PathVariable String id) {
    return reader.find(id);
  }
}
