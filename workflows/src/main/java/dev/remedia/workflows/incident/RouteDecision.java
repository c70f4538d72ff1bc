package dev.remedia.workflows.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * What the operator configuration says to do for an incident, decided when the alert arrived: the
 * workflow never reads configuration itself.
 *
 * @param route the matching route's name, or null when no route matched
 * @param runbook the runbook to start when the incident opens, or null for none
 * @param runbookInput the runbook's input, already built from the alert and validated, or null
 * @param inputProblem why the runbook's input could not be built (the runbook is then not started)
 * @param escalationPolicy the escalation policy the route names, or null
 * @param exclusiveKey the runbook input's {@link dev.remedia.workflows.runbook.ExclusiveInput} key, or
 *     null: when set, the incident joins a run holding the key instead of starting another
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RouteDecision(
    String route,
    String runbook,
    Map<String, Object> runbookInput,
    String inputProblem,
    String escalationPolicy,
    String exclusiveKey) {

  public RouteDecision(
      String route, String runbook, Map<String, Object> runbookInput, String inputProblem, String escalationPolicy) {
    this(route, runbook, runbookInput, inputProblem, escalationPolicy, null);
  }

  public static RouteDecision unrouted() {
    return new RouteDecision(null, null, null, null, null);
  }
}
