package dev.remedia.api.twilio;

import dev.remedia.activities.paging.PageAnswers;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Hands Twilio's status callbacks, for messages and calls alike, to the pages they concern, once per
 * resource and status: Twilio retries a callback it thinks failed.
 */
@Singleton
class DeliveryReports {

  private final TwilioReplays replays;
  private final PageAnswers answers;

  DeliveryReports(TwilioReplays replays, PageAnswers answers) {
    this.replays = replays;
    this.answers = answers;
  }

  /**
   * @param kind what the SID names, {@code sms} or {@code call}, to keep the replay keys apart
   * @param report what the status means for the page, or empty for a status that changes nothing
   */
  void take(String kind, String sid, String status, Optional<DeliveryReport> report) {
    report.ifPresent(
        delivered ->
            replays.once(
                kind + "-status " + sid + " " + status,
                () -> {
                  answers.delivery(sid, delivered.delivery(), delivered.detail());
                  return true;
                },
                false));
  }
}
