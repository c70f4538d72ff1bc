package dev.remedia.runbooks.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.CachelessEnvironment;
import dev.remedia.runbooks.RecordingJournal;
import dev.remedia.workflows.runbook.RunStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The saga part of the runbook contract, on a test runbook. The worker keeps no workflow cache, so every
 * workflow task replays the history from the start: an undo that ran is never run again by a replay.
 */
@Timeout(30)
class CompensationTest {

  private static final String QUEUE = "compensation-test";
  private static final String NODE = "node-3";
  private static final String WAIT = "wait for connections to close";

  private final RecordingJournal journal = new RecordingJournal();
  private final FakeNodes nodes = new FakeNodes();
  private TestWorkflowEnvironment env;

  @BeforeEach
  void startEnvironment() {
    env = CachelessEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(NodeMaintenanceRunbookImpl.class);
    worker.registerActivitiesImplementations(nodes, journal);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aRunThatFinishesUndoesNothing() {
    assertEquals("restarted node-3", runbook("node-maintenance-ok").restart(NODE));

    assertEquals(
        List.of(
            "lock node-3:SUCCEEDED", "drain node-3:SUCCEEDED", WAIT + ":SUCCEEDED", "restart node-3:SUCCEEDED",
            "return node-3 to service:SUCCEEDED", "unlock node-3:SUCCEEDED"),
        journal.stepOutcomes());
    assertEquals(List.of("lock node-3", "drain node-3", "restart node-3", "undrain node-3", "unlock node-3"), nodes.calls());
    assertEquals(RunStatus.SUCCEEDED, journal.status());
  }

  @Test
  void aRunCancelledMidRunUndoesWhatItDidOnceNewestFirstAndEndsCancelled() throws Exception {
    NodeMaintenanceRunbook runbook = runbook("node-maintenance-cancelled");
    WorkflowClient.start(runbook::restart, NODE);
    awaitStarted(WAIT);

    WorkflowStub.fromTyped(runbook).cancel();

    WorkflowFailedException failure =
        assertThrows(WorkflowFailedException.class, () -> WorkflowStub.fromTyped(runbook).getResult(String.class));
    assertInstanceOf(CanceledFailure.class, failure.getCause());
    assertEquals(RunStatus.CANCELLED, journal.status());
    assertEquals(
        List.of(
            "lock node-3:SUCCEEDED", "drain node-3:SUCCEEDED", WAIT + ":CANCELLED",
            "return node-3 to service:SUCCEEDED", "release the maintenance lock on node-3:SUCCEEDED"),
        journal.stepOutcomes());
    assertEquals("undone after the run was cancelled", journal.step("return node-3 to service").detail());
    assertEquals(
        List.of("lock node-3", "drain node-3", "undrain node-3", "unlock node-3"), nodes.calls(),
        "each undo ran exactly once although every workflow task replayed the history");

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("node-maintenance-cancelled");
    WorkflowReplayer.replayWorkflowExecution(history, NodeMaintenanceRunbookImpl.class);
  }

  @Test
  void aFailedRunUndoesWhatItDidAndKeepsItsReason() {
    nodes.failing("restart");

    assertThrows(WorkflowFailedException.class, () -> runbook("node-maintenance-failed").restart(NODE));

    assertEquals(RunStatus.FAILED, journal.status());
    assertEquals(
        List.of(
            "lock node-3:SUCCEEDED", "drain node-3:SUCCEEDED", WAIT + ":SUCCEEDED", "restart node-3:FAILED",
            "return node-3 to service:SUCCEEDED", "release the maintenance lock on node-3:SUCCEEDED"),
        journal.stepOutcomes());
    assertEquals("undone after the run failed", journal.step("return node-3 to service").detail());
    assertEquals("restart node-3: the node's agent refused", journal.outcome().failure());
  }

  @Test
  void anUndoThatFailsIsRecordedAndTheOlderOnesStillRun() {
    nodes.failing("restart").failing("undrain");

    assertThrows(WorkflowFailedException.class, () -> runbook("node-maintenance-undo-failed").restart(NODE));

    assertEquals(
        List.of(
            "lock node-3:SUCCEEDED", "drain node-3:SUCCEEDED", WAIT + ":SUCCEEDED", "restart node-3:FAILED",
            "return node-3 to service:FAILED", "release the maintenance lock on node-3:SUCCEEDED"),
        journal.stepOutcomes());
    assertEquals(
        "restart node-3: the node's agent refused; not undone: return node-3 to service: "
            + "undrain node-3: the node's agent refused",
        journal.outcome().failure());
    assertEquals(RunStatus.FAILED, journal.status());
  }

  private NodeMaintenanceRunbook runbook(String workflowId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            NodeMaintenanceRunbook.class,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build());
  }

  // Time skipping is locked while no client waits for a result, so the drain wait cannot pass meanwhile.
  private void awaitStarted(String step) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!journal.started(step)) {
      assertTrue(Instant.now().isBefore(deadline), "the step '" + step + "' never started");
      Thread.sleep(10);
    }
  }
}
