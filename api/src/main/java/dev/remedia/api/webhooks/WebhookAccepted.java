package dev.remedia.api.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The 202 answer to a webhook: how many alerts were accepted and where each went.
 *
 * @param incidents one entry per incident the delivery reached, in the order of the body
 */
@Serdeable
public record WebhookAccepted(int alerts, List<Delivery> incidents) {

  /**
   * @param outcome {@code signalled} when the incident workflow has the alerts, or {@code
   *     no-open-incident} when they only resolve or acknowledge and no incident is open for the key
   *     (they are kept, unlinked, with their payload)
   */
  @Serdeable
  public record Delivery(
      String workflowId, String dedupeKey, @Nullable String route, List<String> alertIds, String outcome) {}
}
