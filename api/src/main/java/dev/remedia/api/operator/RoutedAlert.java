package dev.remedia.api.operator;

import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.workflows.incident.RouteDecision;

/**
 * An alert with what the operator configuration says about it.
 *
 * @param dedupeKey the incident key: alerts from one source with the same key share an incident
 * @param decision the route, runbook and input for the incident workflow
 */
public record RoutedAlert(ReceivedAlert alert, String dedupeKey, RouteDecision decision) {}
