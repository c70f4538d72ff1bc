package dev.remedia.workflows.incident;

import java.util.Locale;

/** How bad an alert is, on one scale whatever words the monitor used. Ordered from worst to mildest. */
public enum Severity {
  CRITICAL,
  ERROR,
  WARNING,
  INFO,
  UNKNOWN;

  /**
   * Maps the words monitors and teams commonly use (Alertmanager's {@code severity} label, Datadog's
   * P1 to P5, the events API's levels) onto the scale; anything else is {@link #UNKNOWN}.
   */
  public static Severity fromText(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "critical", "crit", "page", "fatal", "emergency", "high", "p1", "sev1", "disaster" -> CRITICAL;
      case "error", "err", "major", "p2", "sev2" -> ERROR;
      case "warning", "warn", "minor", "medium", "p3", "sev3", "average" -> WARNING;
      case "info", "informational", "information", "low", "none", "notice", "p4", "p5", "sev4", "sev5" -> INFO;
      default -> UNKNOWN;
    };
  }

  /** The worse of two severities; {@link #UNKNOWN} never hides a known one. */
  public Severity worse(Severity other) {
    if (other == null || other == UNKNOWN) {
      return this;
    }
    return this == UNKNOWN || other.ordinal() < ordinal() ? other : this;
  }
}
