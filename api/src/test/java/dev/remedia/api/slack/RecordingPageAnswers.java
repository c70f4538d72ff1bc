package dev.remedia.api.slack;

import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.workflows.paging.PageDelivery;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the escalation's answers in the Slack tests only: it records every answer and settles
 * it by the page id's prefix ({@code not-allowed-}, {@code settled-}, {@code unknown-}, {@code slow-}).
 */
@Singleton
@Replaces(PageAnswers.class)
@Requires(property = RecordingPageAnswers.ENABLED)
class RecordingPageAnswers implements PageAnswers {

  static final String ENABLED = "test.slack-fake-answers";
  static final String NOT_ALLOWED = "You are not in Remedia's on-call configuration, so you cannot answer pages.";
  static final String ALREADY_SETTLED = "Alice already acknowledged this page via sms at 14:02 UTC.";

  private final List<PageAnswer> answers = new CopyOnWriteArrayList<>();
  private final List<PageAnswer> completed = new CopyOnWriteArrayList<>();
  private final CountDownLatch slowRelease = new CountDownLatch(1);

  @Override
  public AnswerResult answer(PageAnswer answer) {
    answers.add(answer);
    String pageId = answer.pageId();
    if (pageId.startsWith("slow-")) {
      awaitRelease();
    }
    AnswerResult result;
    if (pageId.startsWith("not-allowed-")) {
      result = new AnswerResult(AnswerResult.Outcome.NOT_ALLOWED, NOT_ALLOWED);
    } else if (pageId.startsWith("settled-") || pageId.startsWith("slow-")) {
      result = new AnswerResult(AnswerResult.Outcome.ALREADY_SETTLED, ALREADY_SETTLED);
    } else if (pageId.startsWith("unknown-")) {
      result = new AnswerResult(AnswerResult.Outcome.UNKNOWN_PAGE, "No page " + pageId + " is waiting for an answer.");
    } else {
      result = new AnswerResult(AnswerResult.Outcome.ACCEPTED, "Acknowledged.");
    }
    completed.add(answer);
    return result;
  }

  @Override
  public void delivery(String providerRef, PageDelivery delivery, String detail) {
    throw new UnsupportedOperationException("Slack reports no deliveries");
  }

  @Override
  public void optOut(String phone, boolean optedOut) {
    throw new UnsupportedOperationException("Slack has no opt-outs");
  }

  List<PageAnswer> answersFor(String pageId) {
    return answers.stream().filter(a -> pageId.equals(a.pageId())).toList();
  }

  boolean completedFor(String pageId) {
    return completed.stream().anyMatch(a -> pageId.equals(a.pageId()));
  }

  void releaseSlowAnswers() {
    slowRelease.countDown();
  }

  private void awaitRelease() {
    try {
      if (!slowRelease.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the slow answer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
