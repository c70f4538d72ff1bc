package dev.remedia.runbooks.saga;

import dev.remedia.workflows.runbook.RunJournal;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Takes a node's maintenance lock, drains it, waits for its connections to close, restarts it and puts
 * it back. Each change registers its undo before it is made, so a run cancelled or failed half-way
 * leaves the node in service and unlocked.
 */
public class NodeMaintenanceRunbookImpl implements NodeMaintenanceRunbook {

  static final String NAME = "node-maintenance";
  static final Duration DRAIN_WAIT = Duration.ofMinutes(30);

  private final NodeActivities nodes =
      Workflow.newActivityStub(
          NodeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
              .build());

  @Override
  public String restart(String node) {
    return RunJournal.run(
        node,
        run -> {
          run.compensateWith("release the maintenance lock on " + node, () -> nodes.unlock(node));
          run.step("lock " + node, () -> nodes.lock(node), line -> line);
          run.compensateWith("return " + node + " to service", () -> nodes.undrain(node));
          run.step("drain " + node, () -> nodes.drain(node), line -> line);
          run.step(
              "wait for connections to close",
              () -> {
                Workflow.sleep(DRAIN_WAIT);
                return DRAIN_WAIT.toMinutes();
              },
              minutes -> "waited " + minutes + " minutes");
          String restarted = run.step("restart " + node, () -> nodes.restart(node), line -> line);
          run.step("return " + node + " to service", () -> nodes.undrain(node), line -> line);
          run.step("unlock " + node, () -> nodes.unlock(node), line -> line);
          return restarted;
        });
  }
}
