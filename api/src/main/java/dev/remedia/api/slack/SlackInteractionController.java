package dev.remedia.api.slack;

import dev.remedia.api.requests.RemoteAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /slack/interactions}: button clicks from Slack. The body is taken as bytes, because the
 * signature covers exactly what was sent and must be checked before anything is read.
 */
@Controller("/slack")
@ExecuteOn(TaskExecutors.BLOCKING)
class SlackInteractionController {

  private final SlackRequestVerifier verifier;
  private final SlackInteractionReader reader;
  private final SlackActions actions;

  SlackInteractionController(SlackRequestVerifier verifier, SlackInteractionReader reader, SlackActions actions) {
    this.verifier = verifier;
    this.reader = reader;
    this.actions = actions;
  }

  @Post("/interactions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<Void> receive(@Nullable @Body byte[] body, HttpRequest<?> request) {
    byte[] bytes = body == null ? new byte[0] : body;
    String remoteAddress = RemoteAddress.of(request);
    verifier.verify(request.getHeaders(), bytes, remoteAddress);
    actions.dispatch(reader.read(bytes, remoteAddress));
    return HttpResponse.ok();
  }
}
