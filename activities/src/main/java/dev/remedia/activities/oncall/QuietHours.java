package dev.remedia.activities.oncall;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily window in a time zone; {@code start} after {@code end} spans midnight (22:00–07:00).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  public boolean covers(Instant at) {
    LocalTime local = at.atZone(zone).toLocalTime();
    if (start.isBefore(end)) {
      return !local.isBefore(start) && local.isBefore(end);
    }
    return !local.isBefore(start) || local.isBefore(end);
  }
}
