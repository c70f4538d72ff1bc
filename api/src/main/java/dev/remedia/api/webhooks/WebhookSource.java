package dev.remedia.api.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The monitors that can post to {@code /webhooks/{source}}. */
public enum WebhookSource {
  ALERTMANAGER,
  GRAFANA,
  DATADOG,
  EVENTS;

  /** The name used in the path, the configuration and the incident's workflow id. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Who a delivery is from in the audit log, until webhook credentials carry names of their own. */
  public String auditActor() {
    return "webhook:" + id();
  }

  public static Optional<WebhookSource> fromId(String id) {
    return Arrays.stream(values()).filter(source -> source.id().equals(id)).findFirst();
  }
}
