package dev.remedia.activities.oncall;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One layer of a schedule: its members take turns, one period each, handing off at a local time in a
 * time zone. The first member's shift starts at the hand-off time on {@code start}; before that the
 * layer has no one. Hand-offs stay at the same local time across daylight saving changes; a hand-off
 * time that a spring-forward skips happens when the clocks have moved (02:30 becomes 03:30).
 *
 * <p>Every instant is answered, however far in the past or future: day counts are plain arithmetic,
 * and a hand-off beyond the calendar's last year simply never comes.
 */
public record Rotation(Period period, LocalDate start, LocalTime handOff, ZoneId zone, List<String> members) {

  /** How long each member's shift lasts. */
  public enum Period {
    DAILY(1),
    WEEKLY(7);

    private final int days;

    Period(int days) {
      this.days = days;
    }

    public int days() {
      return days;
    }
  }

  private static final long SECONDS_PER_DAY = 86_400;

  public Rotation {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a rotation needs at least one member");
    }
  }

  /** Who this layer has on call at {@code at}; empty before its first shift. */
  public Optional<String> onCallAt(Instant at) {
    long shift = shiftAt(at);
    return shift < 0 ? Optional.empty() : Optional.of(member(shift));
  }

  /**
   * When the person this layer has on call at {@code at} took over: the start of the first of their
   * consecutive shifts, so a member listed twice in a row serves one long shift. Null before the first
   * shift.
   */
  public Instant onCallSince(Instant at) {
    long shift = shiftAt(at);
    if (shift < 0) {
      return null;
    }
    if (!rotates()) {
      return handOffOf(0);
    }
    long first = shift;
    while (first > 0 && member(first - 1).equals(member(shift))) {
      first--;
    }
    return handOffOf(first);
  }

  /**
   * The first hand-off after {@code at} that puts someone else on call, or the first shift's start when
   * {@code at} is before it. Null when no one else ever takes over (every member is the same person),
   * or when that hand-off lies beyond the calendar.
   */
  public Instant nextChangeAfter(Instant at) {
    long shift = shiftAt(at);
    if (shift < 0) {
      return handOffOf(0);
    }
    if (!rotates()) {
      return null;
    }
    long next = shift + 1;
    while (member(next).equals(member(shift))) {
      next++;
    }
    return handOffOf(next);
  }

  /** The number of the shift running at {@code at}, from 0, or -1 before the first. */
  private long shiftAt(Instant at) {
    long localDay = Math.floorDiv(at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds(), SECONDS_PER_DAY);
    long shift = Math.max(-1, Math.floorDiv(localDay - start.toEpochDay(), period.days()));
    // The local day is only a first guess: the hand-off time, and the clock changes around it, may
    // put the instant in the neighbouring shift.
    while (shift >= 0 && isAfter(handOffOf(shift), at)) {
      shift--;
    }
    while (!isAfter(handOffOf(shift + 1), at)) {
      shift++;
    }
    return shift;
  }

  /** Whether anyone ever hands off to someone else; without that, the loops above would not end. */
  private boolean rotates() {
    return members.stream().distinct().count() > 1;
  }

  private String member(long shift) {
    return members.get((int) Math.floorMod(shift, (long) members.size()));
  }

  /** When shift number {@code shift} starts, or null when that day lies beyond the calendar. */
  private Instant handOffOf(long shift) {
    try {
      LocalDate day = LocalDate.ofEpochDay(Math.addExact(start.toEpochDay(), Math.multiplyExact(shift, (long) period.days())));
      return ZonedDateTime.of(day, handOff, zone).toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /** A hand-off beyond the calendar never comes, so it is after every instant. */
  private static boolean isAfter(Instant handOff, Instant at) {
    return handOff == null || handOff.isAfter(at);
  }
}
