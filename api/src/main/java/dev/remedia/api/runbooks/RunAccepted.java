package dev.remedia.api.runbooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;

/**
 * The answer to starting a run: its id and where to follow it.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key started this run
 * @param retryOf the run this one retries, or null
 * @param joined true when this run was already running for the same exclusive key (one renewal per
 *     endpoint at a time), so the request joined it instead of starting another
 */
@Serdeable
public record RunAccepted(
    String id,
    String runbook,
    String status,
    String location,
    boolean replayed,
    @Nullable String retryOf,
    boolean joined) {

  /**
   * 202 with the new run's Location, or 200 with the earlier run for a replayed Idempotency-Key or
   * with the running run a request joined.
   */
  public static HttpResponse<RunAccepted> answer(RunAccepted run) {
    return (run.replayed() || run.joined()
            ? HttpResponse.ok(run)
            : HttpResponse.accepted(URI.create(run.location())).body(run))
        .header("Location", run.location());
  }
}
