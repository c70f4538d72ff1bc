package dev.remedia.api.webhooks;

import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.RemoteAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;

/**
 * {@code POST /webhooks/{source}}: alerts from monitors. The body is taken as bytes, so the signature
 * is checked over exactly what was sent and invalid UTF-8 is refused instead of silently replaced.
 * Every delivery to a known source is counted, whatever its outcome.
 */
@Controller("/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {

  private final WebhookAuthenticator authenticator;
  private final AlertIntake intake;
  private final WebhookReceipts receipts;
  private final AlertCounts counts;

  WebhookController(
      WebhookAuthenticator authenticator, AlertIntake intake, WebhookReceipts receipts, AlertCounts counts) {
    this.authenticator = authenticator;
    this.intake = intake;
    this.receipts = receipts;
    this.counts = counts;
  }

  @Post("/{source}")
  @Consumes(MediaType.APPLICATION_JSON)
  HttpResponse<WebhookAccepted> receive(
      @PathVariable String source, @Nullable @Body byte[] body, HttpRequest<?> request) {
    WebhookSource webhook =
        WebhookSource.fromId(source)
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "no webhook source '" + source + "'; sources are "
                            + Arrays.stream(WebhookSource.values()).map(WebhookSource::id).toList()));
    byte[] bytes = body == null ? new byte[0] : body;
    String remoteAddress = RemoteAddress.of(request);
    try {
      authenticator.authenticate(webhook, request.getHeaders(), bytes, remoteAddress);
      WebhookAccepted accepted = receipts.received(webhook, remoteAddress, () -> intake.accept(webhook, bytes));
      counts.accepted(webhook, accepted);
      return HttpResponse.accepted().body(accepted);
    } catch (RuntimeException e) {
      counts.failed(webhook, e);
      throw e;
    }
  }
}
