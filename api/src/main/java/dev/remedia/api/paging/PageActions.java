package dev.remedia.api.paging;

import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.api.access.Actor;
import dev.remedia.api.access.Caller;
import dev.remedia.api.audit.PageAnswerAudit;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.ActorBody;
import dev.remedia.api.requests.Ids;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import io.micronaut.serde.annotation.Serdeable;
import io.temporal.client.WorkflowServiceException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * Answers a page through the API, as a person named in the on-call configuration: how the console
 * channel's pages are answered in dev mode, and any page by someone away from Slack and their phone.
 * It takes the same path as a Slack click or an SMS reply, so it is refused for the same reasons.
 */
@Singleton
class PageActions {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final PageAnswers answers;
  private final PageAnswerAudit audit;

  PageActions(PageAnswers answers, PageAnswerAudit audit) {
    this.answers = answers;
    this.audit = audit;
  }

  /**
   * @param body {"by": "<person>"}, optional for a token bound to a person
   * @throws ApiProblem 403 when the body names someone the caller may not act for
   */
  PageAnswered answer(String pageId, SettleAction action, String body, Caller caller, String remoteAddress) {
    var named = ActorBody.by(body);
    Actor actor = caller.acting(named);
    if (named.isEmpty() && caller.person() == null) {
      throw ApiProblem.badRequest(
          "name who answers: {\"by\": \"<person in the on-call configuration>\"}, or use a token bound to a person");
    }
    String by = actor.name();
    requireUuid(pageId);
    PageAnswer answer = new PageAnswer(PageChannel.CONSOLE, pageId, null, by, action);
    AnswerResult result;
    try {
      result = audit.record(actor, answer, answers.answer(answer), remoteAddress);
    } catch (WorkflowServiceException e) {
      throw ApiProblem.unavailable("Temporal did not take the answer; retry", RETRY_AFTER, e);
    }
    String verb = action.name().toLowerCase(Locale.ROOT);
    return switch (result.outcome()) {
      case ACCEPTED -> new PageAnswered(pageId, verb, by, result.message());
      case NOT_ALLOWED -> throw ApiProblem.forbidden(
          "'" + by + "' is not a person in the on-call configuration, so cannot answer pages");
      case UNKNOWN_PAGE -> throw ApiProblem.notFound("no page with id '" + pageId + "'");
      case ALREADY_SETTLED -> throw ApiProblem.conflict(result.message());
    };
  }

  private static void requireUuid(String pageId) {
    if (Ids.uuid(pageId).isEmpty()) {
      throw ApiProblem.badRequest("page id '" + pageId + "' is not a UUID");
    }
  }

  /** An answer that reached the escalation; {@code message} says what happens next. */
  @Serdeable
  record PageAnswered(String pageId, String action, String by, String message) {}
}
