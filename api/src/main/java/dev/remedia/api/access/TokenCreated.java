package dev.remedia.api.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A token just created: the only answer that ever holds its value. */
@Serdeable
record TokenCreated(String id, String name, String role, @Nullable String person, Instant createdAt, String token) {

  /** Keeps the value out of logs and error pages. */
  @Override
  public String toString() {
    return "TokenCreated[id=" + id + ", name=" + name + ", role=" + role + ", person=" + person + ", token=***]";
  }
}
