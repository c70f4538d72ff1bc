package dev.remedia.api.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The audit log, read-only: nothing in the API changes or removes an entry. */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

  private final AuditReader reader;

  AuditController(AuditReader reader) {
    this.reader = reader;
  }

  /**
   * Newest first; filter by {@code actor}, {@code action} (exact, or a prefix ending in {@code *}),
   * {@code objectType}, {@code objectId}, {@code outcome}, {@code from} and {@code to}; page with
   * {@code limit} and {@code cursor}.
   */
  @Get
  AuditView.Page list(
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String objectType,
      @Nullable @QueryValue String objectId,
      @Nullable @QueryValue String outcome,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    return reader.list(actor, action, objectType, objectId, outcome, from, to, limit, cursor);
  }
}
