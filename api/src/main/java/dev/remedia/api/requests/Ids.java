package dev.remedia.api.requests;

import java.util.Optional;
import java.util.UUID;

/**
 * Ids that Remedia makes (incidents, alerts, pages, approval gates) are UUIDs. Anything else, NUL
 * characters PostgreSQL refuses or kilobytes of text, names nothing and is turned away before it
 * reaches a query or Temporal.
 */
public final class Ids {

  private Ids() {}

  /** The id as a UUID, or empty when it is not one. */
  public static Optional<UUID> uuid(String id) {
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
