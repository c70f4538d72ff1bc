package dev.remedia.api.twilio;

import static dev.remedia.api.twilio.TwilioRequests.required;

import dev.remedia.activities.paging.twilio.TwilioCallbacks;
import dev.remedia.activities.paging.twilio.VoiceScripts;
import dev.remedia.api.problem.ApiProblem;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code POST /twilio/voice/gather?page=<id>}, the key pressed during a paging call, and {@code POST
 * /twilio/voice/status}, how the call ended. Each is verified as Twilio's before it is read, and
 * handled once.
 */
@Controller
@Requires(condition = TwilioConfigured.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class TwilioVoiceController {

  private final TwilioRequests requests;
  private final TwilioReplays replays;
  private final VoiceKeys keys;
  private final DeliveryReports reports;

  TwilioVoiceController(TwilioRequests requests, TwilioReplays replays, VoiceKeys keys, DeliveryReports reports) {
    this.requests = requests;
    this.replays = replays;
    this.keys = keys;
    this.reports = reports;
  }

  /** On a call Remedia placed, Twilio's {@code To} (and {@code Called}) is the person who answered. */
  @Post(TwilioCallbacks.VOICE_GATHER)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_XML)
  String gathered(
      @Nullable @QueryValue String page,
      @Nullable @QueryValue String attempt,
      @Nullable @Body byte[] body,
      HttpRequest<?> request) {
    Map<String, String> form = requests.verified(request, body);
    if (page == null || page.isBlank()) {
      throw ApiProblem.badRequest("the query has no 'page' parameter");
    }
    String callee = form.containsKey("To") ? required(form, "To") : required(form, "Called");
    boolean retry = VoiceScripts.isRetry(attempt);
    return replays.once(
        "gather " + required(form, "CallSid") + " " + retry,
        () -> keys.pressed(page, callee, form.get("Digits"), retry, RemoteAddress.of(request)),
        VoiceScripts.say("Goodbye."));
  }

  @Post(TwilioCallbacks.VOICE_STATUS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<Void> status(@Nullable @Body byte[] body, HttpRequest<?> request) {
    Map<String, String> form = requests.verified(request, body);
    String sid = required(form, "CallSid");
    String status = required(form, "CallStatus");
    reports.take("call", sid, status, DeliveryReport.ofCall(status, form.get("AnsweredBy")));
    return HttpResponse.ok();
  }
}
