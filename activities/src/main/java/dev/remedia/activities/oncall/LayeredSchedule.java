package dev.remedia.activities.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A schedule made of rotation layers and overrides. Where several layers have someone on call, the
 * later layer wins; an override wins over every layer, and of overlapping overrides the later one.
 */
public record LayeredSchedule(String name, List<Rotation> layers, List<ScheduleOverride> overrides)
    implements Schedule {

  /**
   * How many changes of layers and overrides {@link #shiftAt} looks through for the one that changes
   * who is on call; a change hidden further away (under a later layer, say) is reported as unknown.
   */
  static final int MAX_CHANGES_SCANNED = 1_000;

  public LayeredSchedule {
    layers = List.copyOf(layers);
    overrides = List.copyOf(overrides);
  }

  @Override
  public Optional<String> onCallAt(Instant at) {
    for (int i = overrides.size() - 1; i >= 0; i--) {
      if (overrides.get(i).covers(at)) {
        return Optional.of(overrides.get(i).person());
      }
    }
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<String> person = layers.get(i).onCallAt(at);
      if (person.isPresent()) {
        return person;
      }
    }
    return Optional.empty();
  }

  /** Who is on call at {@code at}, since when, and until the next change of person. */
  @Override
  public Shift shiftAt(Instant at) {
    Optional<String> person = onCallAt(at);
    return new Shift(person.orElse(null), since(at, person), until(at, person));
  }

  private Instant since(Instant at, Optional<String> person) {
    Instant cursor = at;
    for (int i = 0; i < MAX_CHANGES_SCANNED; i++) {
      Instant change = lastChangeAtOrBefore(cursor);
      if (change == null) {
        return null;
      }
      Instant justBefore = change.minusNanos(1);
      if (!onCallAt(justBefore).equals(person)) {
        return change;
      }
      cursor = justBefore;
    }
    return null;
  }

  private Instant until(Instant at, Optional<String> person) {
    Instant cursor = at;
    for (int i = 0; i < MAX_CHANGES_SCANNED; i++) {
      Instant change = nextChangeAfter(cursor);
      if (change == null) {
        return null;
      }
      if (!onCallAt(change).equals(person)) {
        return change;
      }
      cursor = change;
    }
    return null;
  }

  /** The latest moment at or before {@code at} when a layer or an override changed hands. */
  private Instant lastChangeAtOrBefore(Instant at) {
    Stream<Instant> layerChanges = layers.stream().map(layer -> layer.onCallSince(at));
    Stream<Instant> overrideChanges = overrides.stream().flatMap(o -> Stream.of(o.from(), o.to()));
    return Stream.concat(layerChanges, overrideChanges)
        .filter(Objects::nonNull)
        .filter(change -> !change.isAfter(at))
        .max(Instant::compareTo)
        .orElse(null);
  }

  /** The earliest moment after {@code at} when a layer or an override changes hands. */
  private Instant nextChangeAfter(Instant at) {
    Stream<Instant> layerChanges = layers.stream().map(layer -> layer.nextChangeAfter(at));
    Stream<Instant> overrideChanges = overrides.stream().flatMap(o -> Stream.of(o.from(), o.to()));
    return Stream.concat(layerChanges, overrideChanges)
        .filter(Objects::nonNull)
        .filter(change -> change.isAfter(at))
        .min(Instant::compareTo)
        .orElse(null);
  }
}
