package dev.remedia.api.slack;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does what a click asks within Slack's window and tells the person the outcome privately. Every
 * {@link SlackActionHandler} whose work may be slow goes through it.
 */
@Singleton
class SlackClickAnswers {

  /**
   * How long Slack's request waits for the answer. Slack gives up after three seconds and shows the
   * person an error; a slower answer still completes, and its ephemeral reply follows.
   */
  static final Duration ANSWER_WITHIN = Duration.ofMillis(2500);

  private static final Logger LOG = LoggerFactory.getLogger(SlackClickAnswers.class);

  private final EphemeralReplies replies;
  private final ExecutorService executor;

  SlackClickAnswers(EphemeralReplies replies, @Named(TaskExecutors.IO) ExecutorService executor) {
    this.replies = replies;
    this.executor = executor;
  }

  /**
   * Runs {@code work} and replies with what {@code replyFor} makes of its result (null for no reply).
   * A failure within the window reaches Slack's request, so an {@code ApiProblem} sets its status; a
   * late one is logged.
   *
   * @param what names the click in logs, such as "the answer to page p-1 from U0ALICE"
   */
  <T> void answer(SlackInteraction click, String what, Supplier<T> work, Function<T, String> replyFor) {
    CompletableFuture<T> answered = CompletableFuture.supplyAsync(work, executor);
    T result;
    try {
      result = answered.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("{} is taking long; Slack is answered now and it completes later", capitalized(what));
      answered.whenComplete(
          (late, error) -> {
            if (error != null) {
              LOG.error("{} failed after Slack was answered", capitalized(what), error);
            } else {
              replyWith(click, replyFor.apply(late));
            }
          });
      return;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering a Slack click", e);
    }
    replyWith(click, replyFor.apply(result));
  }

  /** The reply is posted off Slack's request, so a slow response_url cannot delay the 200. */
  void replyWith(SlackInteraction click, String text) {
    if (text != null) {
      executor.execute(() -> replies.reply(click.responseUrl(), text));
    }
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
