package dev.remedia.api.slack;

import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.api.audit.PageAnswerAudit;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import jakarta.inject.Singleton;

/**
 * A page's Acknowledge and Resolve buttons: the answer goes to {@link PageAnswers}, and a person whose
 * click changed nothing (not on call, already settled, unknown page) is told why, privately.
 */
@Singleton
class PageActionHandler implements SlackActionHandler {

  static final String ACKNOWLEDGE = "page.acknowledge";
  static final String RESOLVE = "page.resolve";

  private final PageAnswers answers;
  private final SlackClickAnswers clicks;
  private final PageAnswerAudit audit;

  PageActionHandler(PageAnswers answers, SlackClickAnswers clicks, PageAnswerAudit audit) {
    this.answers = answers;
    this.clicks = clicks;
    this.audit = audit;
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
    clicks.answer(
        interaction,
        "the answer to page " + answer.pageId() + " from " + answer.responder(),
        () -> audit.record(answer, answers.answer(answer), interaction.remoteAddress()),
        result -> result.outcome() == AnswerResult.Outcome.ACCEPTED ? null : result.message());
  }
}
