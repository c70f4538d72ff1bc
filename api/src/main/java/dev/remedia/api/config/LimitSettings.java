package dev.remedia.api.config;

import dev.remedia.api.StartupFailure;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How much one caller may ask of Remedia, so that one noisy monitor or script cannot starve the others.
 * Rates are token buckets kept in memory, per Remedia instance: a caller may send {@code burst}
 * requests at once, then {@code rate} per second; beyond that it is answered 429 with
 * {@code Retry-After}. A rate of 0 turns that limit off.
 *
 * @param apiRate requests per second per API token (and per address for requests without a valid one)
 * @param apiBurst requests an API token may send at once
 * @param webhookRate requests per second per webhook source ({@code /webhooks/<source>}), and for Slack's
 *     and Twilio's callbacks each
 * @param webhookBurst requests a source may send at once
 * @param requestTimeout how long a request may take before it is answered 503 with {@code Retry-After};
 *     {@code 0s} for no limit
 */
// Read at start-up, so a negative setting stops Remedia with one line instead of failing every request.
@Context
@ConfigurationProperties("remedia.limits")
public record LimitSettings(
    @Bindable(defaultValue = "50") int apiRate,
    @Bindable(defaultValue = "200") int apiBurst,
    @Bindable(defaultValue = "200") int webhookRate,
    @Bindable(defaultValue = "2000") int webhookBurst,
    @Bindable(defaultValue = "30s") Duration requestTimeout) {

  public LimitSettings {
    if (apiRate < 0 || apiBurst < 0 || webhookRate < 0 || webhookBurst < 0) {
      throw new StartupFailure(
          "REMEDIA_API_RATE, REMEDIA_API_BURST, REMEDIA_WEBHOOK_RATE and REMEDIA_WEBHOOK_BURST must be 0 (off) or more",
          null);
    }
    if (requestTimeout.isNegative()) {
      throw new StartupFailure("REMEDIA_REQUEST_TIMEOUT must be 0s (off) or more", null);
    }
  }
}
