package dev.remedia.activities.oncall;

import java.time.Instant;

/** Someone takes a schedule over for a while, whatever its rotations say: from {@code from} until just before {@code to}. */
public record ScheduleOverride(Instant from, Instant to, String person) {

  public ScheduleOverride {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("an override must end after it starts");
    }
  }

  public boolean covers(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
