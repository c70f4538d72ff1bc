package dev.remedia.api.temporal;

import static dev.remedia.api.ApiTestSupport.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The order in which the dev server hands out tasks of equal priority: a backlog of activity tasks is
 * built while nobody polls, then a worker that takes one task at a time records the order it got them.
 */
@Timeout(120)
class DevServerTaskOrderTest {

  private static final int TASKS = 30;
  private static final String WORKFLOWS = "task-order";
  private static final String ACTIVITIES = "task-order-backlog";

  /** Fails once the server hands out equal tasks in order by itself: then DevServerTaskOrder can go. */
  @Test
  void theTestServerOfThisSdkHandsOutABacklogOutOfOrder() throws Exception {
    int port = freePort();
    try (Closeable server = TestServer.createPortBoundServer(port, true)) {
      List<Integer> order = handOutOrder(port);

      assertEquals(TASKS, order.size());
      assertNotEquals(inOrder(), order, "the server's own order is first in, first out: DevServerTaskOrder can go");
    }
  }

  @Test
  void withTheOrderFixedABacklogIsHandedOutOldestFirst() throws Exception {
    int port = freePort();
    try (Closeable server = TestServer.createPortBoundServer(port, true)) {
      DevServerTaskOrder.install(server);

      assertEquals(inOrder(), handOutOrder(port));
    }
  }

  @Test
  void aBacklogGivesHigherPriorityFirstThenKeepsArrivalOrder() {
    DevServerTaskOrder.ArrivalOrderedBacklog<String> backlog =
        DevServerTaskOrder.ArrivalOrderedBacklog.of((a, b) -> Character.compare(a.charAt(0), b.charAt(0)));
    List.of("b1", "a1", "b2", "a2", "b3").forEach(backlog::add);

    List<String> out = new ArrayList<>();
    while (!backlog.isEmpty()) {
      out.add(backlog.poll());
    }
    assertEquals(List.of("a1", "a2", "b1", "b2", "b3"), out);
  }

  private static List<Integer> inOrder() {
    return IntStream.range(0, TASKS).boxed().toList();
  }

  /** Queues {@link #TASKS} activity tasks with nobody polling, then takes them one at a time. */
  private static List<Integer> handOutOrder(int port) throws Exception {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactory workflows = WorkerFactory.newInstance(client);
    workflows.newWorker(WORKFLOWS).registerWorkflowImplementationTypes(BacklogImpl.class);
    WorkerFactory activities = WorkerFactory.newInstance(client);
    List<Integer> order = new CopyOnWriteArrayList<>();
    activities
        .newWorker(
            ACTIVITIES,
            WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).setMaxConcurrentActivityTaskPollers(1).build())
        .registerActivitiesImplementations((Task) order::add);
    try {
      workflows.start();
      Backlog backlog =
          client.newWorkflowStub(
              Backlog.class, WorkflowOptions.newBuilder().setTaskQueue(WORKFLOWS).setWorkflowId(WORKFLOWS).build());
      WorkflowClient.start(backlog::run, TASKS);
      awaitPendingActivities(client, TASKS);
      activities.start();
      client.newUntypedWorkflowStub(WORKFLOWS).getResult(Void.class);
      return order;
    } finally {
      for (WorkerFactory factory : List.of(activities, workflows)) {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
      }
      stubs.shutdownNow();
    }
  }

  private static void awaitPendingActivities(WorkflowClient client, int count) throws InterruptedException {
    DescribeWorkflowExecutionRequest describe =
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(WORKFLOWS))
            .build();
    while (client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(describe).getPendingActivitiesCount()
        < count) {
      Thread.sleep(50);
    }
  }

  @WorkflowInterface
  public interface Backlog {
    @WorkflowMethod
    void run(int tasks);
  }

  @ActivityInterface
  public interface Task {
    void run(int n);
  }

  public static class BacklogImpl implements Backlog {
    private final Task task =
        Workflow.newActivityStub(
            Task.class,
            ActivityOptions.newBuilder().setTaskQueue(ACTIVITIES).setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public void run(int tasks) {
      List<Promise<Void>> all = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        all.add(Async.procedure(task::run, i));
      }
      Promise.allOf(all).get();
    }
  }
}
