package dev.remedia.api.logging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.MDC;

/**
 * Answers what a log line written by a controller would carry: the MDC on the controller's thread,
 * which is the blocking pool's, as for Remedia's own controllers. Only where {@code test.mdc-probe} is
 * set.
 */
@Requires(property = "test.mdc-probe")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class MdcProbeController {

  @Get("/runs/{id}/mdc-probe")
  Map<String, String> ofRun(String id) {
    return mdc();
  }

  @Get("/mdc-probe")
  Map<String, String> withoutId() {
    return mdc();
  }

  private static Map<String, String> mdc() {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    return mdc == null ? Map.of() : new TreeMap<>(mdc);
  }
}
