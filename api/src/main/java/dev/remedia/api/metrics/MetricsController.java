package dev.remedia.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /metrics}: everything in the registry, for Prometheus to scrape. It runs on the blocking
 * pool because a gauge read from PostgreSQL may query it.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class MetricsController {

  private final MeterRegistry registry;

  MetricsController(MeterRegistry registry) {
    this.registry = registry;
  }

  @Get(uri = "/metrics", produces = PrometheusText.CONTENT_TYPE)
  HttpResponse<String> scrape() {
    return HttpResponse.ok(PrometheusText.of(registry)).contentType(PrometheusText.CONTENT_TYPE);
  }
}
