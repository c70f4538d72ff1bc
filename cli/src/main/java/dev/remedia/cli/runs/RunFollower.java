package dev.remedia.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiFailure;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.ExitCodes;
import dev.remedia.cli.Table;
import dev.remedia.cli.Times;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Polls {@code GET /api/runs/{id}} and prints each step when it appears or changes, until the run ends.
 * Following only reads: stopping it (Ctrl-C) leaves the run going. A Remedia that is briefly down or
 * restarting is waited for; a refusal (the run does not exist, the token is not allowed) ends at once.
 */
final class RunFollower {

  private static final String RUNNING = "RUNNING";
  private static final String SUCCEEDED = "SUCCEEDED";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ApiClient api;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final Duration interval;

  /** @param json print each changed step and then the ended run as one JSON object per line */
  RunFollower(ApiClient api, PrintWriter out, PrintWriter err, boolean json, Duration interval) {
    this.api = api;
    this.out = out;
    this.err = err;
    this.json = json;
    this.interval = interval;
  }

  /** Returns {@link ExitCodes#OK} when the run succeeded, {@link ExitCodes#RUN_DID_NOT_SUCCEED} otherwise. */
  int follow(String runId) {
    err.println("Following run " + runId + " (Ctrl-C stops following; the run goes on)");
    Map<Integer, JsonNode> shown = new HashMap<>();
    while (true) {
      JsonNode run = poll(runId);
      for (JsonNode step : run.path("steps")) {
        if (!step.equals(shown.put(step.path("seq").asInt(), step))) {
          out.println(json ? step.toString() : stepLine(step));
        }
      }
      String status = run.path("status").asText();
      if (!RUNNING.equals(status)) {
        out.println(json ? run.toString() : endLine(runId, run));
        return SUCCEEDED.equals(status) ? ExitCodes.OK : ExitCodes.RUN_DID_NOT_SUCCEED;
      }
      pause();
    }
  }

  private JsonNode poll(String runId) {
    Long failingSince = null;
    while (true) {
      try {
        return api.get(ApiPath.api("runs", runId));
      } catch (ApiFailure failure) {
        if (!failure.mayPassLater()) {
          throw failure;
        }
        if (failingSince == null) {
          failingSince = System.nanoTime();
          err.println("remedia: " + failure.getMessage() + "; trying again for up to " + PATIENCE.toSeconds() + " s");
        } else if (System.nanoTime() - failingSince > PATIENCE.toNanos()) {
          throw failure;
        }
        pause();
      }
    }
  }

  /** "14:02:12  SUCCEEDED  probe: HTTP 200 in 12 ms", timed by when the step ended, or else began. */
  private static String stepLine(JsonNode step) {
    JsonNode at = step.path("endedAt").isTextual() ? step.path("endedAt") : step.path("startedAt");
    JsonNode detail = step.path("detail");
    return String.format("%s  %-9s  %s%s", Times.time(at), Table.text(step.path("state")),
        Table.text(step.path("name")), detail.isTextual() ? ": " + Table.text(detail) : "");
  }

  private static String endLine(String runId, JsonNode run) {
    JsonNode failure = run.path("failure");
    return "Run " + runId + " " + Table.text(run.path("status"))
        + (failure.isTextual() ? ": " + Table.text(failure) : "");
  }

  private void pause() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiFailure.interrupted();
    }
  }
}
