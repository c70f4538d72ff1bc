package dev.remedia.api.operator;

import dev.remedia.api.webhooks.ReceivedAlert;

/**
 * How a route turns an alert into its incident key: alerts with the same key share one incident.
 *
 * @param template the key's template, only for {@link Kind#TEMPLATE}
 */
public record Dedupe(Kind kind, Template template) {

  public enum Kind {
    /** The key the source proposes ({@link ReceivedAlert#defaultDedupeKey()}). */
    DEFAULT,
    /** Alertmanager's and Grafana's group key: one incident per notification group. */
    GROUP,
    /** The alert's identity: one incident per alert. */
    FINGERPRINT,
    /** A key rendered from the alert. */
    TEMPLATE
  }

  public static final Dedupe DEFAULT = new Dedupe(Kind.DEFAULT, null);

  /**
   * This route's key for the alert, which may be null or blank when the alert lacks what it needs; the
   * router then uses the default key. Throws {@link TemplateException} when a template cannot render.
   */
  String keyFor(ReceivedAlert alert) {
    return switch (kind) {
      case DEFAULT -> alert.defaultDedupeKey();
      case GROUP -> alert.groupKey();
      case FINGERPRINT -> alert.identity();
      case TEMPLATE -> template.render(alert);
    };
  }

  /** As written in the configuration. */
  @Override
  public String toString() {
    return switch (kind) {
      case DEFAULT -> "default";
      case GROUP -> "group";
      case FINGERPRINT -> "fingerprint";
      case TEMPLATE -> template.text();
    };
  }
}
