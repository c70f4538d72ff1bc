package dev.remedia.api.runbooks;

import dev.remedia.api.access.Caller;
import dev.remedia.api.requests.RemoteAddress;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.InputSchema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The runbook catalog and manual runs. */
@Controller("/api/runbooks")
@ExecuteOn(TaskExecutors.BLOCKING)
class RunbookController {

  private final RunLauncher launcher;

  RunbookController(RunLauncher launcher) {
    this.launcher = launcher;
  }

  @Get
  List<RunbookView> catalog() {
    return RunbookCatalog.all().stream()
        .map(
            runbook ->
                new RunbookView(
                    runbook.name(), runbook.description(), InputSchema.of(runbook.inputType())))
        .toList();
  }

  /**
   * Starts a run; the body is the runbook's input. Answers 202 with the run's id and location, or 200
   * with the earlier run when the Idempotency-Key was used before, or with the running run it joined
   * (one cert-renewal per endpoint at a time).
   */
  @Post("/{name}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  HttpResponse<RunAccepted> start(
      @PathVariable String name,
      @Nullable @Body String body,
      @Nullable @Header("Idempotency-Key") String idempotencyKey,
      HttpRequest<?> request) {
    return RunAccepted.answer(
        launcher.start(name, body, Caller.of(request).actor(), RemoteAddress.of(request), idempotencyKey));
  }
}
