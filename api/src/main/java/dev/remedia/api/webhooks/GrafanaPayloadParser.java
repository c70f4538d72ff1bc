package dev.remedia.api.webhooks;

import dev.remedia.api.webhooks.AlertGroupFormat.Kind;
import dev.remedia.api.webhooks.AlertGroupFormat.KnownField;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Reads Grafana unified alerting's webhook (version 1): Alertmanager's shape with Grafana's own
 * fields added. Links prefer the panel, then the dashboard, then the rule's generator URL.
 */
@Singleton
public class GrafanaPayloadParser implements PayloadParser {

  private static final AlertGroupFormat FORMAT =
      new AlertGroupFormat(
          WebhookSource.GRAFANA,
          List.of(
              new KnownField("orgId", Kind.NUMBER),
              new KnownField("state", Kind.STRING),
              new KnownField("title", Kind.STRING),
              new KnownField("message", Kind.STRING)),
          List.of(
              new KnownField("silenceURL", Kind.LINK),
              new KnownField("imageURL", Kind.LINK),
              new KnownField("values", Kind.OBJECT),
              new KnownField("valueString", Kind.STRING)),
          List.of("panelURL", "dashboardURL", "generatorURL"));

  @Override
  public WebhookSource source() {
    return WebhookSource.GRAFANA;
  }

  @Override
  public List<ReceivedAlert> parse(byte[] body) {
    return FORMAT.parse(body);
  }
}
