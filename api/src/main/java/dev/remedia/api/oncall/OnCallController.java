package dev.remedia.api.oncall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Who is on call, from the operator configuration's schedules. */
@Controller("/api")
// Walking many layered schedules to their next hand-off is work to keep off the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class OnCallController {

  private final OnCallReader reader;

  OnCallController(OnCallReader reader) {
    this.reader = reader;
  }

  /** Each schedule's person on call now, or at {@code at}, with since and until when. */
  @Get("/oncall")
  OnCallView onCall(@Nullable @QueryValue String at) {
    return reader.at(at);
  }
}
