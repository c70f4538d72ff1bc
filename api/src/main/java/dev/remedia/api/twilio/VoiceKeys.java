package dev.remedia.api.twilio;

import dev.remedia.activities.paging.AnswerResult;
import dev.remedia.activities.paging.PageAnswer;
import dev.remedia.activities.paging.PageAnswers;
import dev.remedia.activities.paging.twilio.VoiceScripts;
import dev.remedia.api.audit.PageAnswerAudit;
import dev.remedia.api.config.TwilioSettings;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Handles the key a person pressed during a paging call and says, in TwiML, what to speak back. */
@Singleton
@Requires(condition = TwilioConfigured.class)
class VoiceKeys {

  private final PageAnswers answers;
  private final PageAnswerAudit audit;
  private final String publicUrl;

  VoiceKeys(PageAnswers answers, PageAnswerAudit audit, TwilioSettings settings) {
    this.answers = answers;
    this.audit = audit;
    this.publicUrl = settings.publicUrl();
  }

  /**
   * @param callee the person's number: on a call Remedia placed, Twilio's {@code To}
   * @param retry whether this key came from the second chance, after which the call ends
   * @param remoteAddress where Twilio's callback came from, for the audit log
   */
  String pressed(String pageId, String callee, String digits, boolean retry, String remoteAddress) {
    SettleAction action =
        switch (digits == null ? "" : digits.strip()) {
          case "1" -> SettleAction.ACKNOWLEDGE;
          case "2" -> SettleAction.RESOLVE;
          default -> null;
        };
    if (action == null) {
      return retry ? VoiceScripts.say("Goodbye.") : VoiceScripts.retry(publicUrl, pageId);
    }
    PageAnswer answer = new PageAnswer(PageChannel.VOICE, pageId, null, callee, action);
    AnswerResult result = audit.record(answer, answers.answer(answer), remoteAddress);
    return VoiceScripts.say(result.message() + " Goodbye.");
  }
}
