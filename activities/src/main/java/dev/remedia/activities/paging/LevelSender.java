package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * Sends a level's first pages side by side, each waiting in its own destination's lane, and hands on
 * at once every outcome that moves its recipient on, so that recipient's next contact does not wait
 * for the slowest lane of the level.
 */
final class LevelSender {

  /**
   * Pages waiting for their lane's turn at once, as many as the paced worker's activity slots: each
   * waits about a second, so this carries some two thousand pages a second. More wait in the pool's
   * queue rather than costing a thread each, however many levels a storm fires.
   */
  static final int PAGE_THREADS = 2_000;

  private static final ExecutorService PAGES = pagePool();

  private final PageDispatcher dispatcher;

  private static ExecutorService pagePool() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            PAGE_THREADS, PAGE_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "paging-level-send");
              thread.setDaemon(true);
              return thread;
            });
    // Idle threads go after a minute: the pool is as large as a storm needs and no larger afterwards.
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  LevelSender(PageDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * @return the outcomes in the order of {@code pages}, once every page has one
   * @throws RuntimeException the first page's failure, once the others are done: the retry finds the
   *     pages that went out recorded and sends only the rest
   */
  List<PageOutcome> send(List<PageRequest> pages, BooleanSupplier lastChance, Consumer<PageOutcome> movedOn) {
    // The page threads log with the ids of the activity's work (incident, run), as its own thread does.
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    List<Future<PageOutcome>> sends = new ArrayList<>();
    for (PageRequest page : pages) {
      sends.add(
          PAGES.submit(
              () -> {
                MDC.setContextMap(logContext == null ? Map.of() : logContext);
                try {
                  PageOutcome outcome = dispatcher.send(page, lastChance);
                  if (outcome.delivery().movesOn()) {
                    movedOn.accept(outcome);
                  }
                  return outcome;
                } finally {
                  MDC.clear();
                }
              }));
    }
    List<PageOutcome> outcomes = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (Future<PageOutcome> send : sends) {
      try {
        outcomes.add(send.get());
      } catch (ExecutionException e) {
        if (firstFailure == null) {
          firstFailure =
              e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the level's pages were sent", e);
      }
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
    return outcomes;
  }
}
