package dev.remedia.activities.oncall;

import java.time.Instant;
import java.util.Optional;

/** Who is on call when: rotations, layers and overrides reduced to one answer per instant. */
public interface Schedule {

  String name();

  /** The person on call at {@code at}, or empty when the schedule has a gap then. */
  Optional<String> onCallAt(Instant at);

  /**
   * Who is on call at {@code at}, since when and until when. This default knows neither; a schedule
   * that knows its hand-offs, like {@link LayeredSchedule}, tells both.
   */
  default Shift shiftAt(Instant at) {
    return new Shift(onCallAt(at).orElse(null), null, null);
  }
}
