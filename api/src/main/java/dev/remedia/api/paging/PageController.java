package dev.remedia.api.paging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Every page sent, on every channel: in dev mode this is where the console channel's pages are read,
 * and they are answered with {@code POST /api/incidents/{id}/ack}.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class PageController {

  private final PageReader reader;

  PageController(PageReader reader) {
    this.reader = reader;
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
}
