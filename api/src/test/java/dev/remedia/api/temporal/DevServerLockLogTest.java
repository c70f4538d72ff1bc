package dev.remedia.api.temporal;

import static dev.remedia.api.ApiTestSupport.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dev server's lock log: how it leaks in this SDK, and that the bounded one holds it. */
@Timeout(120)
class DevServerLockLogTest {

  private static final int WORKFLOWS = 150;
  private static final int STEPS = 10;

  /**
   * Fails once the SDK stops leaking lock events: then {@link DevServerLockLog} is no longer needed
   * and should go.
   */
  @Test
  void theTestServerOfThisSdkKeepsAnEventForEveryActivityItEverRan() throws Exception {
    int port = freePort();
    try (Closeable server = TestServer.createPortBoundServer(port, true)) {
      runWorkflows(port);

      assertTrue(
          DevServerLockLog.size(server) > WORKFLOWS * STEPS,
          "the lock log holds " + DevServerLockLog.size(server) + " events after "
              + WORKFLOWS * STEPS + " activities: the leak is gone, and DevServerLockLog with it can go");
    }
  }

  @Test
  void theBoundedLogKeepsOnlyTheNewestEventsAndWorkflowsRunAsBefore() throws Exception {
    int port = freePort();
    try (Closeable server = TestServer.createPortBoundServer(port, true)) {
      DevServerLockLog.install(server);

      int completed = runWorkflows(port);

      assertEquals(WORKFLOWS, completed);
      assertTrue(
          DevServerLockLog.size(server) <= DevServerLockLog.KEPT,
          "the lock log holds " + DevServerLockLog.size(server) + " events");
    }
  }

  /** Runs the workflows one after the other; each runs {@link #STEPS} activities. */
  private static int runWorkflows(int port) throws Exception {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker("lock-log");
    worker.registerWorkflowImplementationTypes(StepsImpl.class);
    worker.registerActivitiesImplementations((Step) n -> n + 1);
    factory.start();
    try {
      int completed = 0;
      for (int i = 0; i < WORKFLOWS; i++) {
        Steps steps =
            client.newWorkflowStub(
                Steps.class, WorkflowOptions.newBuilder().setTaskQueue("lock-log").setWorkflowId("steps-" + i).build());
        if (steps.run(STEPS) == STEPS) {
          completed++;
        }
      }
      return completed;
    } finally {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
      stubs.shutdownNow();
    }
  }

  @WorkflowInterface
  public interface Steps {
    @WorkflowMethod
    int run(int steps);
  }

  @ActivityInterface
  public interface Step {
    int next(int n);
  }

  public static class StepsImpl implements Steps {
    private final Step step =
        Workflow.newActivityStub(
            Step.class, ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public int run(int steps) {
      int n = 0;
      for (int i = 0; i < steps; i++) {
        n = step.next(n);
      }
      return n;
    }
  }
}
