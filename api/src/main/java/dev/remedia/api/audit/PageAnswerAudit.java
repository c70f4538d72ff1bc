package dev.remedia.api.audit;

import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.api.access.Actor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Audits answers to pages from every channel (a Slack click, an SMS reply, a key pressed on a call, the
 * API) the same way: the responder as the channel knows them, {@code page.acknowledge} or
 * {@code page.resolve}, and what became of it.
 */
@Singleton
public class PageAnswerAudit {

  private final AuditTrail audit;

  PageAnswerAudit(AuditTrail audit) {
    this.audit = audit;
  }

  /** Records the answer and hands back its result, so a caller can audit on the way. */
  public AnswerResult record(PageAnswer answer, AnswerResult result, String remoteAddress) {
    audit.record(
        answer.responder(), action(answer), "page", page(answer), remoteAddress, lower(result.outcome().name()),
        detail(answer, result));
    return result;
  }

  /** {@link #record(PageAnswer, AnswerResult, String)} for an answer through the API, naming its token. */
  public AnswerResult record(Actor actor, PageAnswer answer, AnswerResult result, String remoteAddress) {
    audit.record(
        actor, action(answer), "page", page(answer), remoteAddress, lower(result.outcome().name()),
        detail(answer, result));
    return result;
  }

  private static Map<String, String> detail(PageAnswer answer, AnswerResult result) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("via", lower(answer.via().name()));
    if (answer.replyCode() != null) {
      detail.put("replyCode", answer.replyCode());
    }
    detail.put("message", result.message());
    return detail;
  }

  private static String action(PageAnswer answer) {
    return "page." + lower(answer.action().name());
  }

  /** An SMS reply names its page by code only; the service found the page, the entry keeps the code. */
  private static String page(PageAnswer answer) {
    return answer.pageId() != null ? answer.pageId() : "reply-code:" + answer.replyCode();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
