package dev.remedia.activities.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the run claims ask Temporal, against Temporal's test server. */
@Timeout(60)
class RunningWorkflowsTest {

  private static final String QUEUE = "running-workflows";

  private TestWorkflowEnvironment temporal;
  private RunningWorkflows running;

  @BeforeEach
  void startTemporal() {
    temporal = TestWorkflowEnvironment.newInstance();
    temporal.newWorker(QUEUE).registerWorkflowImplementationTypes(WaitsImpl.class);
    temporal.start();
    running = new RunningWorkflows(temporal.getWorkflowClient());
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void aWorkflowThatRunsIsRunningAndOneTerminatedIsNot() {
    WorkflowClient client = temporal.getWorkflowClient();
    Waits waits =
        client.newWorkflowStub(Waits.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("run-1").build());
    WorkflowClient.start(waits::run);

    assertTrue(running.test("run-1"));

    client.newUntypedWorkflowStub("run-1").terminate("stopped from outside");
    assertFalse(running.test("run-1"));
  }

  @Test
  void aWorkflowTemporalNeverHeardOfIsNotRunning() {
    assertFalse(running.test("never-started"));
  }

  @WorkflowInterface
  public interface Waits {
    @WorkflowMethod
    void run();
  }

  public static class WaitsImpl implements Waits {
    @Override
    public void run() {
      Workflow.await(() -> false);
    }
  }
}
