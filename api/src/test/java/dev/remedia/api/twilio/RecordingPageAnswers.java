package dev.remedia.api.twilio;

import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.workflows.paging.PageDelivery;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the Twilio callbacks hand over; only test classes that set the property see it. */
@Singleton
@Requires(property = "test.twilio-fake-answers")
@Replaces(PageAnswers.class)
class RecordingPageAnswers implements PageAnswers {

  static final String ACCEPTED = "Acknowledged: Disk full on db-1. Paging stopped.";

  record Delivery(String providerRef, PageDelivery delivery, String detail) {}

  record OptOut(String phone, boolean optedOut) {}

  final List<PageAnswer> answers = new CopyOnWriteArrayList<>();
  final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  final List<OptOut> optOuts = new CopyOnWriteArrayList<>();

  @Override
  public AnswerResult answer(PageAnswer answer) {
    answers.add(answer);
    return new AnswerResult(AnswerResult.Outcome.ACCEPTED, ACCEPTED);
  }

  @Override
  public void delivery(String providerRef, PageDelivery delivery, String detail) {
    deliveries.add(new Delivery(providerRef, delivery, detail));
  }

  @Override
  public void optOut(String phone, boolean optedOut) {
    optOuts.add(new OptOut(phone, optedOut));
  }

  void clear() {
    answers.clear();
    deliveries.clear();
    optOuts.clear();
  }
}
