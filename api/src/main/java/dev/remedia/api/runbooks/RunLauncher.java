package dev.remedia.api.runbooks;

import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.activities.store.RunStore;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runbook runs by hand. A run exists once Temporal has accepted its workflow; only then is it
 * recorded and answered. The workflow records itself too, so the read model never misses a run even if
 * this process dies between the start and the insert.
 */
@Singleton
class RunLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final WorkflowClient temporal;
  private final TemporalSettings settings;
  private final RunbookInputReader inputs;
  private final RunStore runs;
  private final AuditLog audit;

  RunLauncher(
      WorkflowClient temporal,
      TemporalSettings settings,
      RunbookInputReader inputs,
      RunStore runs,
      AuditLog audit) {
    this.temporal = temporal;
    this.settings = settings;
    this.inputs = inputs;
    this.runs = runs;
    this.audit = audit;
  }

  RunAccepted start(String runbookName, String body, String remoteAddress) {
    RunbookDefinition runbook =
        RunbookCatalog.find(runbookName)
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "no runbook named '" + runbookName + "'; GET /api/runbooks lists them"));
    Record input = inputs.read(runbook, body);
    String runId = runbook.name() + "-" + UUID.randomUUID();
    try {
      temporal
          .newUntypedWorkflowStub(
              runbook.name(),
              WorkflowOptions.newBuilder()
                  .setWorkflowId(runId)
                  .setTaskQueue(settings.taskQueue())
                  .build())
          .start(input);
    } catch (WorkflowServiceException e) {
      throw ApiProblem.unavailable(
          "Temporal did not accept the run; nothing was started, try again", RETRY_AFTER, e);
    }
    recordAccepted(runId, runbook, input, remoteAddress);
    return new RunAccepted(runId, runbook.name(), "RUNNING", "/api/runs/" + runId);
  }

  // The run is durable in Temporal already, so a read-model hiccup here must not fail the request.
  private void recordAccepted(String runId, RunbookDefinition runbook, Record input, String remote) {
    Instant now = Instant.now();
    try {
      runs.recordStarted(runId, runbook.name(), inputs.write(input), now);
      audit.append(
          new AuditEntry(now, "api", "run.start", "run", runId, remote, "started", null));
    } catch (DataAccessException e) {
      LOG.warn("Run {} started but not yet recorded; its workflow will record it: {}", runId, e.getMessage());
    }
  }
}
