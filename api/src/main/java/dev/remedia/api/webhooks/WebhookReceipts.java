package dev.remedia.api.webhooks;

import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.problem.ApiProblem;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Audits each authenticated delivery from a monitor as {@code webhook.received}: {@code accepted} with
 * how many alerts and incidents it held, or {@code invalid} or {@code unavailable} with the reason the
 * monitor was given. Deliveries refused for their credentials are audited by {@link WebhookAuthenticator}.
 */
@Singleton
class WebhookReceipts {

  private final AuditTrail audit;

  WebhookReceipts(AuditTrail audit) {
    this.audit = audit;
  }

  WebhookAccepted received(WebhookSource source, String remoteAddress, Supplier<WebhookAccepted> intake) {
    WebhookAccepted accepted;
    try {
      accepted = intake.get();
    } catch (ApiProblem problem) {
      audit.refused(source.auditActor(), "webhook.received", "webhook", source.id(), remoteAddress, problem);
      throw problem;
    }
    audit.record(
        source.auditActor(), "webhook.received", "webhook", source.id(), remoteAddress, "accepted",
        Map.of("alerts", accepted.alerts(), "incidents", accepted.incidents().size()));
    return accepted;
  }
}
