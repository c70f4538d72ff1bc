package dev.remedia.api.operator;

import dev.remedia.api.webhooks.ReceivedAlert;

/**
 * An alert with the route that matched it.
 *
 * @param dedupeKey the incident key: alerts from one source with the same key share an incident
 * @param route the first route that matched, or null when none did
 */
public record RoutedAlert(ReceivedAlert alert, String dedupeKey, Route route) {

  /** The matching route's name, or null. */
  public String routeName() {
    return route == null ? null : route.name();
  }
}
