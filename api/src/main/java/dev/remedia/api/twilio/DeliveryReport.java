package dev.remedia.api.twilio;

import dev.remedia.workflows.paging.PageDelivery;
import java.util.Optional;

/**
 * What a Twilio status callback says about a page. Only final states count: queued, sending, sent,
 * ringing and in-progress are steps on the way and are ignored.
 */
record DeliveryReport(PageDelivery delivery, String detail) {

  private static final String UNSUBSCRIBED_RECIPIENT = "21610";

  /** From an SMS status callback's MessageStatus and ErrorCode. */
  static Optional<DeliveryReport> ofMessage(String status, String errorCode) {
    if (status == null) {
      return Optional.empty();
    }
    return switch (status) {
      case "delivered" -> Optional.of(new DeliveryReport(PageDelivery.DELIVERED, null));
      case "failed", "undelivered" ->
          Optional.of(
              UNSUBSCRIBED_RECIPIENT.equals(errorCode)
                  ? new DeliveryReport(PageDelivery.OPTED_OUT, "the number opted out with STOP (Twilio error 21610)")
                  : new DeliveryReport(
                      PageDelivery.FAILED,
                      "Twilio reports the text " + status + (errorCode == null ? "" : " (error " + errorCode + ")")));
      default -> Optional.empty();
    };
  }

  /**
   * From a call's final status callback: CallStatus, and AnsweredBy from machine detection. A call a
   * person answered reports nothing: if they pressed no key, the escalation simply goes on.
   */
  static Optional<DeliveryReport> ofCall(String status, String answeredBy) {
    if (status == null) {
      return Optional.empty();
    }
    return switch (status) {
      case "no-answer", "busy" -> Optional.of(new DeliveryReport(PageDelivery.NO_ANSWER, "the call got " + status));
      case "failed", "canceled" -> Optional.of(new DeliveryReport(PageDelivery.FAILED, "the call " + status));
      case "completed" ->
          answeredBy != null && (answeredBy.startsWith("machine_") || answeredBy.equals("fax"))
              ? Optional.of(
                  new DeliveryReport(PageDelivery.NO_ANSWER, "a machine answered the call (" + answeredBy + ")"))
              : Optional.empty();
      default -> Optional.empty();
    };
  }
}
