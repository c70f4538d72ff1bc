package dev.remedia.activities.store;

/** The escalations an answer stops: one escalation, or whichever of an incident's still page. */
public record StopScope(String escalationId, String incidentId) {

  public static StopScope escalation(String escalationId) {
    return new StopScope(escalationId, null);
  }

  public static StopScope incident(String incidentId) {
    return new StopScope(null, incidentId);
  }
}
