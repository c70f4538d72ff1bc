package dev.remedia.api.twilio;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.audit.PageAnswerAudit;
import dev.remedia.workflows.paging.PageChannel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/** Handles an incoming text and says, in TwiML, what to text back. */
@Singleton
@Requires(condition = TwilioConfigured.class)
class SmsReplies {

  static final String HELP =
      "Remedia: reply ACK and the code from the page to acknowledge (e.g. ACK 4821), RESOLVE and the code "
          + "to resolve, STOP to stop pages.";

  private final PageAnswers answers;
  private final PageAnswerAudit answerAudit;
  private final AuditTrail audit;

  SmsReplies(PageAnswers answers, PageAnswerAudit answerAudit, AuditTrail audit) {
    this.answers = answers;
    this.answerAudit = answerAudit;
    this.audit = audit;
  }

  /**
   * Twilio answers STOP and START itself, so those get an empty reply.
   *
   * @param remoteAddress where Twilio's callback came from, for the audit log
   */
  String reply(String from, String text, String remoteAddress) {
    SmsReply reply = SmsReply.parse(text);
    return switch (reply.kind()) {
      case OPT_OUT -> {
        optOut(from, true, remoteAddress);
        yield nothing();
      }
      case OPT_IN -> {
        optOut(from, false, remoteAddress);
        yield nothing();
      }
      case ANSWER -> {
        PageAnswer answer = new PageAnswer(PageChannel.SMS, null, reply.replyCode(), from, reply.action());
        AnswerResult result = answerAudit.record(answer, answers.answer(answer), remoteAddress);
        yield text(result.message());
      }
      case UNRECOGNISED -> text(HELP);
    };
  }

  private void optOut(String phone, boolean optedOut, String remoteAddress) {
    answers.optOut(phone, optedOut);
    audit.record(
        phone, optedOut ? "sms.opt-out" : "sms.opt-in", "phone", phone, remoteAddress, "recorded", Map.of());
  }

  static String nothing() {
    return new MessagingResponse.Builder().build().toXml();
  }

  private static String text(String body) {
    return new MessagingResponse.Builder().message(new Message.Builder(body).build()).build().toXml();
  }
}
