package dev.remedia.workflows.incident;

/**
 * Where an incident is in its life. {@code RESOLVED} waits out the flap window: a re-fire inside it
 * reopens the same incident; when the window passes the incident is {@code CLOSED} for good.
 */
public enum IncidentStatus {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED,
  CLOSED
}
