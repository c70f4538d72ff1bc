package dev.remedia.api.slack;

import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page's Acknowledge and Resolve buttons: the answer goes to {@link PageAnswers}, and a person whose
 * click changed nothing (not on call, already settled, unknown page) is told why, privately.
 */
@Singleton
class PageActionHandler implements SlackActionHandler {

  static final String ACKNOWLEDGE = "page.acknowledge";
  static final String RESOLVE = "page.resolve";

  /**
   * How long Slack's request waits for the answer. Slack gives up after three seconds and shows the
   * person an error; a slower answer still completes, and its ephemeral reply follows.
   */
  static final Duration ANSWER_WITHIN = Duration.ofMillis(2500);

  private static final Logger LOG = LoggerFactory.getLogger(PageActionHandler.class);

  private final PageAnswers answers;
  private final EphemeralReplies replies;
  private final ExecutorService executor;

  PageActionHandler(PageAnswers answers, EphemeralReplies replies, @Named(TaskExecutors.IO) ExecutorService executor) {
    this.answers = answers;
    this.replies = replies;
    this.executor = executor;
  }

  @Override
  public String prefix() {
    return "page.";
  }

  @Override
  public void handle(SlackInteraction interaction) {
    SettleAction action =
        switch (interaction.actionId()) {
          case ACKNOWLEDGE -> SettleAction.ACKNOWLEDGE;
          case RESOLVE -> SettleAction.RESOLVE;
          default -> throw ApiProblem.badRequest(
              "unknown page action '" + interaction.actionId() + "'; the page buttons are " + ACKNOWLEDGE + " and " + RESOLVE);
        };
    if (interaction.value() == null) {
      throw ApiProblem.badRequest("the " + interaction.actionId() + " button carries no page id in its value");
    }
    PageAnswer answer = new PageAnswer(PageChannel.SLACK, interaction.value(), null, interaction.userId(), action);
    CompletableFuture<AnswerResult> answered = CompletableFuture.supplyAsync(() -> answers.answer(answer), executor);
    AnswerResult result;
    try {
      result = answered.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("The answer to page {} from {} is taking long; Slack is answered now and it completes later", answer.pageId(), answer.responder());
      answered.whenComplete((late, error) -> finishedLate(interaction, answer, late, error));
      return;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering a Slack click", e);
    }
    explainIfRefused(interaction, result);
  }

  private void finishedLate(SlackInteraction interaction, PageAnswer answer, AnswerResult result, Throwable error) {
    if (error != null) {
      LOG.error("The answer to page {} from {} failed after Slack was answered", answer.pageId(), answer.responder(), error);
      return;
    }
    explainIfRefused(interaction, result);
  }

  /** The ephemeral reply is posted off Slack's request, so a slow response_url cannot delay the 200. */
  private void explainIfRefused(SlackInteraction interaction, AnswerResult result) {
    if (result.outcome() != AnswerResult.Outcome.ACCEPTED) {
      executor.execute(() -> replies.reply(interaction.responseUrl(), result.message()));
    }
  }
}
