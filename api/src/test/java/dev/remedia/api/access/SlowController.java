package dev.remedia.api.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** A route that takes longer than any request may, for the tests of the request time limit. */
@Controller("/api/test")
@Requires(property = SlowController.ENABLED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SlowController {

  static final String ENABLED = "test.slow-route";
  static final long TAKES_MILLIS = 4_000;

  @Get("/slow")
  String slow() throws InterruptedException {
    Thread.sleep(TAKES_MILLIS);
    return "too late";
  }
}
