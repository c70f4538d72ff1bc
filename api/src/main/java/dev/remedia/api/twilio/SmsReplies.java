package dev.remedia.api.twilio;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.workflows.paging.PageChannel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Handles an incoming text and says, in TwiML, what to text back. */
@Singleton
@Requires(condition = TwilioConfigured.class)
class SmsReplies {

  static final String HELP =
      "Remedia: reply ACK and the code from the page to acknowledge (e.g. ACK 4821), RESOLVE and the code "
          + "to resolve, STOP to stop pages.";

  private final PageAnswers answers;

  SmsReplies(PageAnswers answers) {
    this.answers = answers;
  }

  /** Twilio answers STOP and START itself, so those get an empty reply. */
  String reply(String from, String text) {
    SmsReply reply = SmsReply.parse(text);
    return switch (reply.kind()) {
      case OPT_OUT -> {
        answers.optOut(from, true);
        yield nothing();
      }
      case OPT_IN -> {
        answers.optOut(from, false);
        yield nothing();
      }
      case ANSWER -> {
        AnswerResult result =
            answers.answer(new PageAnswer(PageChannel.SMS, null, reply.replyCode(), from, reply.action()));
        yield text(result.message());
      }
      case UNRECOGNISED -> text(HELP);
    };
  }

  static String nothing() {
    return new MessagingResponse.Builder().build().toXml();
  }

  private static String text(String body) {
    return new MessagingResponse.Builder().message(new Message.Builder(body).build()).build().toXml();
  }
}
