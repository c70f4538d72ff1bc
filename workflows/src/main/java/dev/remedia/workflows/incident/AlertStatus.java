package dev.remedia.workflows.incident;

/**
 * What a monitor says about an alert. Monitors speak of firing and resolved; only the generic events
 * source can also acknowledge.
 */
public enum AlertStatus {
  FIRING,
  RESOLVED,
  ACKNOWLEDGED
}
