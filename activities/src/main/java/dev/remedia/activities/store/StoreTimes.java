package dev.remedia.activities.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts between the times Java code uses and the UTC timestamps the read model stores. */
final class StoreTimes {

  private StoreTimes() {}

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  /** Workflow times are epoch milliseconds, with 0 meaning "not yet". */
  static OffsetDateTime utcMillis(long epochMillis) {
    return epochMillis == 0 ? null : utc(Instant.ofEpochMilli(epochMillis));
  }

  static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
