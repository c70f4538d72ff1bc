package dev.remedia.api.incidents;

import dev.remedia.api.access.Caller;
import dev.remedia.api.requests.RemoteAddress;
import dev.remedia.workflows.paging.SettleAction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Incidents and the alerts they gathered, read from PostgreSQL. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class IncidentController {

  private final IncidentReader reader;
  private final IncidentActions actions;

  IncidentController(IncidentReader reader, IncidentActions actions) {
    this.reader = reader;
    this.actions = actions;
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

  /**
   * Acknowledges the incident: paging stops on every channel. Body optional: {"by": "alice"}; without
   * it the token's person, or the token, acknowledges.
   */
  @Post("/incidents/{id}/ack")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  HttpResponse<SettleAccepted> acknowledge(
      @PathVariable String id, @Nullable @Body String body, HttpRequest<?> request) {
    return HttpResponse.accepted()
        .body(actions.settle(id, SettleAction.ACKNOWLEDGE, body, Caller.of(request), RemoteAddress.of(request)));
  }

  /** Resolves the incident by hand: paging stops and those already paged are told. */
  @Post("/incidents/{id}/resolve")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  HttpResponse<SettleAccepted> resolve(
      @PathVariable String id, @Nullable @Body String body, HttpRequest<?> request) {
    return HttpResponse.accepted()
        .body(actions.settle(id, SettleAction.RESOLVE, body, Caller.of(request), RemoteAddress.of(request)));
  }
}
