package dev.remedia.api.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who an action through the API is taken as, and the token that asked for it.
 *
 * @param name the person, or {@code token:<name>} for a token bound to nobody; what incidents, votes
 *     and the audit log's {@code actor} record
 * @param onBehalf whether an admin token named someone other than itself
 */
public record Actor(String name, Caller caller, boolean onBehalf) {

  /** The token behind the action, for the audit entry's detail: always the token, and whom it acted for. */
  public Map<String, Object> auditDetail(Map<String, ?> detail) {
    Map<String, Object> merged = new LinkedHashMap<>(detail);
    merged.put("token", caller.tokenActor());
    if (onBehalf) {
      merged.put("actingFor", name);
    }
    return merged;
  }
}
