package dev.remedia.api.incidents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Incidents and the alerts they gathered, read from PostgreSQL. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class IncidentController {

  private final IncidentReader reader;

  IncidentController(IncidentReader reader) {
    this.reader = reader;
  }

  /**
   * Newest first; filter by status, source, severity and opening time ({@code from} inclusive,
   * {@code to} exclusive); page with {@code limit} and {@code cursor}.
   */
  @Get("/incidents")
  IncidentSummary.Page list(
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String source,
      @Nullable @QueryValue String severity,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    return reader.list(status, source, severity, from, to, limit, cursor);
  }

  @Get("/incidents/{id}")
  IncidentView find(@PathVariable String id) {
    return reader.find(id);
  }

  /** One alert with its raw payload as the monitor sent it. */
  @Get("/alerts/{id}")
  AlertView alert(@PathVariable String id) {
    return reader.alert(id);
  }
}
