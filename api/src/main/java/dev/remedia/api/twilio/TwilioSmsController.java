package dev.remedia.api.twilio;

import static dev.remedia.api.twilio.TwilioRequests.required;

import dev.remedia.activities.paging.twilio.TwilioCallbacks;
import dev.remedia.api.requests.RemoteAddress;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code POST /twilio/sms}, the Twilio number's messaging webhook (replies such as ACK 4821, STOP,
 * START), and {@code POST /twilio/status}, the delivery reports of the texts Remedia sent. Each is
 * verified as Twilio's before it is read, and handled once.
 */
@Controller
@Requires(condition = TwilioConfigured.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class TwilioSmsController {

  private final TwilioRequests requests;
  private final TwilioReplays replays;
  private final SmsReplies replies;
  private final DeliveryReports reports;

  TwilioSmsController(TwilioRequests requests, TwilioReplays replays, SmsReplies replies, DeliveryReports reports) {
    this.requests = requests;
    this.replays = replays;
    this.replies = replies;
    this.reports = reports;
  }

  @Post(TwilioCallbacks.SMS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_XML)
  String incoming(@Nullable @Body byte[] body, HttpRequest<?> request) {
    Map<String, String> form = requests.verified(request, body);
    String from = required(form, "From");
    return replays.once(
        "sms " + required(form, "MessageSid"),
        () -> replies.reply(from, form.getOrDefault("Body", ""), RemoteAddress.of(request)),
        SmsReplies.nothing());
  }

  @Post(TwilioCallbacks.SMS_STATUS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<Void> status(@Nullable @Body byte[] body, HttpRequest<?> request) {
    Map<String, String> form = requests.verified(request, body);
    String sid = required(form, "MessageSid");
    String status = required(form, "MessageStatus");
    reports.take("sms", sid, status, DeliveryReport.ofMessage(status, form.get("ErrorCode")));
    return HttpResponse.ok();
  }
}
