package dev.remedia.api.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;

/** Reports computed from the read model. */
@Controller("/api/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportController {

  private final SlaReporter reporter;
  private final Clock clock = Clock.systemUTC();

  ReportController(SlaReporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Incidents, times to acknowledge and resolve, pages sent per channel, run success and automatic
   * versus human resolutions from {@code from} to {@code to}, grouped by {@code service} (the default),
   * {@code runbook}, {@code route} or {@code person}; JSON, or CSV with {@code format=csv} or
   * {@code Accept: text/csv}.
   */
  @Get("/sla")
  @Produces({MediaType.APPLICATION_JSON, SlaCsv.MEDIA_TYPE})
  HttpResponse<?> sla(
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String groupBy,
      @Nullable @QueryValue String format,
      @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
    SlaQuery query = SlaQuery.of(from, to, groupBy, format, accept, clock.instant());
    SlaReport report = reporter.report(query);
    if (!query.csv()) {
      return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    return HttpResponse.ok(SlaCsv.write(report))
        .contentType(SlaCsv.MEDIA_TYPE + "; charset=utf-8")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-" + report.groupBy() + ".csv\"");
  }
}
