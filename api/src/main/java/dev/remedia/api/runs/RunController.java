package dev.remedia.api.runs;

import dev.remedia.api.access.Caller;
import dev.remedia.api.requests.RemoteAddress;
import dev.remedia.api.runbooks.RunAccepted;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Runs and their step timelines, read from PostgreSQL; cancelling and retrying a run. */
@Controller("/api/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
class RunController {

  private final RunReader reader;
  private final RunCancellation cancellation;
  private final RunRetries retries;

  RunController(RunReader reader, RunCancellation cancellation, RunRetries retries) {
    this.reader = reader;
    this.cancellation = cancellation;
    this.retries = retries;
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

  /**
   * Cancels a running run: 202 once Temporal has the request; 409 when the run already ended. Body
   * optional: {@code {"by": "alice", "reason": "wrong target"}}.
   */
  @Post("/{id}/cancel")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  HttpResponse<RunCancelAccepted> cancel(
      @PathVariable String id, @Nullable @Body String body, HttpRequest<?> request) {
    return HttpResponse.accepted().body(cancellation.cancel(id, body, Caller.of(request), RemoteAddress.of(request)));
  }

  /**
   * Starts the run's runbook again with its stored input: 202 with the new run and its location, or
   * 200 with the earlier retry when the Idempotency-Key was used before; 409 unless the run failed,
   * was cancelled, timed out or was terminated. Body optional: {@code {"by": "alice"}}.
   */
  @Post("/{id}/retry")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  HttpResponse<RunAccepted> retry(
      @PathVariable String id,
      @Nullable @Body String body,
      @Nullable @Header("Idempotency-Key") String idempotencyKey,
      HttpRequest<?> request) {
    return RunAccepted.answer(retries.retry(id, body, Caller.of(request), RemoteAddress.of(request), idempotencyKey));
  }
}
