package dev.remedia.api.runbooks;

import dev.remedia.activities.journal.RunningWorkflows;
import dev.remedia.activities.store.RunClaimStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.activities.store.StoredRun;
import dev.remedia.api.access.Actor;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.logging.LogContext;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.ExclusiveInput;
import dev.remedia.workflows.runbook.RunJournal;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Starts runbook runs by hand. A run exists once Temporal has accepted its workflow; only then is it
 * recorded and answered. The workflow records itself too, so the read model never misses a run even if
 * this process dies between the start and the insert.
 */
@Singleton
public class RunLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private final WorkflowClient temporal;
  private final TemporalSettings settings;
  private final RunbookInputReader inputs;
  private final RunStore runs;
  private final AuditTrail audit;
  private final RunClaimStore claims;
  private final RunningWorkflows running;

  RunLauncher(
      WorkflowClient temporal,
      TemporalSettings settings,
      RunbookInputReader inputs,
      RunStore runs,
      AuditTrail audit,
      RunClaimStore claims) {
    this.temporal = temporal;
    this.settings = settings;
    this.inputs = inputs;
    this.runs = runs;
    this.audit = audit;
    this.claims = claims;
    this.running = new RunningWorkflows(temporal);
  }

  /**
   * Starts a run of a runbook by name with the input in a request body. With an idempotency key, the run
   * id is derived from it, so a client that retries after losing the answer gets the run it already
   * started instead of a second one.
   */
  RunAccepted start(String runbookName, String body, Actor actor, String remoteAddress, String idempotencyKey) {
    try {
      RunbookDefinition runbook =
          RunbookCatalog.find(runbookName)
              .orElseThrow(
                  () ->
                      ApiProblem.notFound(
                          "no runbook named '" + runbookName + "'; GET /api/runbooks lists them"));
      return launch(runbook, inputs.read(runbook, body), new Launch(actor, remoteAddress, idempotencyKey, null));
    } catch (ApiProblem problem) {
      // No run exists, so the entry is about the runbook, when the path names one at all.
      if (RunbookDefinition.isValidName(runbookName)) {
        audit.refused(actor, "run.start", "runbook", runbookName, remoteAddress, problem);
      }
      throw problem;
    }
  }

  /**
   * Starts a run of {@code runbook} with a validated input; {@code launch} says who asks, from where,
   * and which run this one retries, if any.
   */
  public RunAccepted launch(RunbookDefinition runbook, Record input, Launch launch) {
    String runId = runbook.name() + "-" + runKey(runbook, launch);
    try (MDC.MDCCloseable logged = MDC.putCloseable(LogContext.RUN_ID, runId)) {
      return launch(runId, runbook, input, launch);
    }
  }

  private RunAccepted launch(String runId, RunbookDefinition runbook, Record input, Launch launch) {
    if (input instanceof ExclusiveInput exclusive) {
      String holder = claims.claim(exclusive.exclusiveKey(), runId, Instant.now(), running);
      if (!holder.equals(runId)) {
        return joined(holder, runbook, launch);
      }
    }
    try {
      temporal
          .newUntypedWorkflowStub(
              runbook.name(),
              WorkflowOptions.newBuilder()
                  .setWorkflowId(runId)
                  .setTaskQueue(settings.taskQueue())
                  .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                  .setMemo(launch.retryOf() == null ? null : Map.of(RunJournal.RETRY_OF_MEMO, launch.retryOf()))
                  .build())
          .start(input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return replay(runId, runbook, input, launch);
    } catch (WorkflowServiceException e) {
      throw ApiProblem.unavailable(
          "Temporal did not confirm the start of the run; retry, with an Idempotency-Key header so that a "
              + "run Temporal did accept is not started twice",
          RETRY_AFTER,
          e);
    }
    recordStarted(runId, runbook, input, launch.retryOf());
    audited(runId, launch, "started");
    return new RunAccepted(runId, runbook.name(), "RUNNING", location(runId), false, launch.retryOf(), false);
  }

  /** A run of the same exclusive key (the same endpoint's renewal) is under way: the caller follows it. */
  private RunAccepted joined(String holder, RunbookDefinition runbook, Launch launch) {
    audited(holder, launch, "joined");
    String status = earlierRun(holder).map(run -> run.status().name()).orElse("RUNNING");
    return new RunAccepted(holder, runbook.name(), status, location(holder), false, null, true);
  }

  /**
   * A retry of an earlier start answers with that run. A key reused for a different input is a client
   * bug: answering with the earlier run would report work that was never asked for.
   */
  private RunAccepted replay(String runId, RunbookDefinition runbook, Record input, Launch launch) {
    Optional<StoredRun> earlier = earlierRun(runId);
    if (earlier.isPresent() && !inputs.sameInput(earlier.get().inputJson(), input)) {
      throw ApiProblem.conflict(
          "this Idempotency-Key already started run " + runId + " with a different input; use a new key");
    }
    audited(runId, launch, "replayed");
    String status = earlier.map(run -> run.status().name()).orElse("RUNNING");
    return new RunAccepted(runId, runbook.name(), status, location(runId), true, launch.retryOf(), false);
  }

  private static String location(String runId) {
    return "/api/runs/" + runId;
  }

  // A retry's key includes the run it retries, so the same key on another run's retry is another run.
  private static UUID runKey(RunbookDefinition runbook, Launch launch) {
    if (launch.idempotencyKey() == null) {
      return UUID.randomUUID();
    }
    if (!IDEMPOTENCY_KEY.matcher(launch.idempotencyKey()).matches()) {
      throw ApiProblem.badRequest(
          "Idempotency-Key must be 1 to 200 visible ASCII characters");
    }
    String key = runbook.name() + "\n" + launch.idempotencyKey();
    if (launch.retryOf() != null) {
      key += "\nretry of " + launch.retryOf();
    }
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  // The run is in Temporal whatever the read model says; without its row there is nothing to compare.
  private Optional<StoredRun> earlierRun(String runId) {
    try {
      return runs.find(runId);
    } catch (RuntimeException e) {
      LOG.warn("Cannot read run {} to check its idempotency key: {}", runId, e.getMessage());
      return Optional.empty();
    }
  }

  // The run is durable in Temporal already, so a read-model hiccup must not fail the request: the
  // workflow records its own start as its first step.
  private void recordStarted(String runId, RunbookDefinition runbook, Record input, String retryOf) {
    try {
      runs.recordStarted(runId, runbook.name(), inputs.write(input), Instant.now());
      if (retryOf != null) {
        runs.linkRetry(runId, retryOf);
      }
    } catch (RuntimeException e) {
      LOG.warn("Run {} started; its workflow will record it (read model: {})", runId, e.getMessage());
    }
  }

  private void audited(String runId, Launch launch, String outcome) {
    audit.record(
        launch.actor(), "run.start", "run", runId, launch.remoteAddress(), outcome,
        launch.retryOf() == null ? Map.of() : Map.of("retryOf", launch.retryOf()));
  }

  /**
   * Who starts a run and how.
   *
   * @param idempotencyKey the request's Idempotency-Key, or null
   * @param retryOf the run this one retries, or null
   */
  public record Launch(Actor actor, String remoteAddress, String idempotencyKey, String retryOf) {}

}
