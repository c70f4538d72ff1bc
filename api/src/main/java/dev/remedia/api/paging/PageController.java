package dev.remedia.api.paging;

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

/**
 * Every page sent, on every channel, and answers to them: in dev mode this is where the console
 * channel's pages are read and answered.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class PageController {

  private final PageReader reader;
  private final PageActions actions;

  PageController(PageReader reader, PageActions actions) {
    this.reader = reader;
    this.actions = actions;
  }

  /** Newest first; filter by incident, status and channel; page with {@code limit} and {@code cursor}. */
  @Get("/pages")
  PageView.Listing list(
      @Nullable @QueryValue String incident,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String channel,
      @Nullable @QueryValue String limit,
      @Nullable @QueryValue String cursor) {
    return reader.list(incident, status, channel, limit, cursor);
  }

  /**
   * Acknowledges the page's incident or run for the person named, {"by": "alice"}, or for the person
   * the token is bound to.
   */
  @Post("/pages/{id}/ack")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  HttpResponse<PageActions.PageAnswered> acknowledge(
      @PathVariable String id, @Nullable @Body String body, HttpRequest<?> request) {
    return HttpResponse.accepted()
        .body(actions.answer(id, SettleAction.ACKNOWLEDGE, body, Caller.of(request), RemoteAddress.of(request)));
  }

  /** Resolves the page's incident or run for the person named, or the token's person. */
  @Post("/pages/{id}/resolve")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  HttpResponse<PageActions.PageAnswered> resolve(
      @PathVariable String id, @Nullable @Body String body, HttpRequest<?> request) {
    return HttpResponse.accepted()
        .body(actions.answer(id, SettleAction.RESOLVE, body, Caller.of(request), RemoteAddress.of(request)));
  }
}
