package dev.remedia.workflows.paging;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

/**
 * The task queue for the paging activities that wait their turn in a destination's lane: sends and
 * settle notices. A burst of a thousand incidents parks thousands of them there for seconds; on the
 * workflows' own queue they held every activity slot, and the bookkeeping that lets the next level
 * fire (who is on call, recording an acknowledgement) waited minutes behind them.
 */
public final class PacedQueue {

  /**
   * Waiting in a lane costs a parked thread and nothing else, so the paced worker holds many. A send
   * waits about a second (its lane's next turn, which carries every page waiting for that address), so
   * this is roughly the sends a second a burst may start before slots run short.
   */
  static final int SLOTS = 2_000;

  private PacedQueue() {}

  /** The paced queue beside a workflow task queue; derived, so no configuration can split the two. */
  public static String of(String taskQueue) {
    return taskQueue + ".paced";
  }

  /**
   * Polls for sends kept up at once. A burst of a thousand incidents schedules about a hundred level
   * sends a second, and five hundred when each page was an activity of its own: then, with 10 pollers a
   * send waited up to five seconds to be handed out, with 25 up to a second (bench/README.md). A
   * waiting poll costs the worker a parked thread.
   */
  static final int POLLERS = 50;

  /** A worker for the paced queue beside {@code taskQueue}; the caller registers the paging activities. */
  public static Worker newWorker(WorkerFactory factory, String taskQueue) {
    return factory.newWorker(
        of(taskQueue),
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(SLOTS)
            .setMaxConcurrentActivityTaskPollers(POLLERS)
            .build());
  }
}
