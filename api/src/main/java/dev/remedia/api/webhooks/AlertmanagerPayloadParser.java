package dev.remedia.api.webhooks;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * Reads Prometheus Alertmanager's webhook (version 4): one notification per alert group, one
 * {@link ReceivedAlert} per alert in it. The group key is the proposed dedupe key, so a group is one
 * incident; the fingerprint tells the alerts apart.
 */
@Singleton
public class AlertmanagerPayloadParser implements PayloadParser {

  private static final AlertGroupFormat FORMAT =
      new AlertGroupFormat(WebhookSource.ALERTMANAGER, List.of(), List.of(), List.of("generatorURL"));

  @Override
  public WebhookSource source() {
    return WebhookSource.ALERTMANAGER;
  }

  @Override
  public List<ReceivedAlert> parse(byte[] body) {
    return FORMAT.parse(body);
  }
}
