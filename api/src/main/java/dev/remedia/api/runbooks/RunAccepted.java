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
 */
@Serdeable
public record RunAccepted(
    String id, String runbook, String status, String location, boolean replayed, @Nullable String retryOf) {

  /** 202 with the new run's Location, or 200 with the earlier run for a replayed Idempotency-Key. */
  public static HttpResponse<RunAccepted> answer(RunAccepted run) {
    return (run.replayed() ? HttpResponse.ok(run) : HttpResponse.accepted(URI.create(run.location())).body(run))
        .header("Location", run.location());
  }
}
