package dev.remedia.activities.oncall;

import java.time.Instant;

/**
 * Who a schedule has on call around an instant, and for how long that stays so.
 *
 * @param person the person on call, or null for a gap
 * @param since when this person (or the gap) began, or null when nothing earlier is known: a gap
 *     before every layer starts has no beginning
 * @param until when someone else (or a gap) follows, or null when no change is known ahead
 */
public record Shift(String person, Instant since, Instant until) {

  public boolean isGap() {
    return person == null;
  }
}
