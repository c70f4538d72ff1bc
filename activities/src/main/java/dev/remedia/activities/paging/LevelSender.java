package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * Sends a level's first pages side by side, each waiting in its own destination's lane, and hands on
 * at once every outcome that moves its recipient on, so that recipient's next contact does not wait
 * for the slowest lane of the level.
 */
final class LevelSender {

  /** A page waits here for its lane's turn, as it did in an activity slot of its own before. */
  private static final ExecutorService PAGES =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "paging-level-send");
            thread.setDaemon(true);
            return thread;
          });

  private final PageDispatcher dispatcher;

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
