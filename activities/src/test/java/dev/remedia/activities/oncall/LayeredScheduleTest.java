package dev.remedia.activities.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.oncall.Rotation.Period;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayeredScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** A Monday. */
  private static final LocalDate START = LocalDate.of(2026, 1, 5);

  @Test
  void aDailyRotationHandsOffEveryDayAtTheLocalTimeInTurn() {
    LayeredSchedule schedule = schedule(daily(START, "09:00", "alice", "bob", "carol"));

    assertEquals(new Shift("alice", berlin("2026-01-05T09:00"), berlin("2026-01-06T09:00")),
        schedule.shiftAt(berlin("2026-01-05T09:00")));
    assertEquals(new Shift("alice", berlin("2026-01-05T09:00"), berlin("2026-01-06T09:00")),
        schedule.shiftAt(berlin("2026-01-06T08:59:59")));
    assertEquals(new Shift("bob", berlin("2026-01-06T09:00"), berlin("2026-01-07T09:00")),
        schedule.shiftAt(berlin("2026-01-06T09:00")));
    assertEquals(Optional.of("carol"), schedule.onCallAt(berlin("2026-01-07T23:00")));
    assertEquals(Optional.of("alice"), schedule.onCallAt(berlin("2026-01-08T09:00")), "the turn comes round again");
  }

  @Test
  void aWeeklyRotationHandsOffOncePerWeek() {
    LayeredSchedule schedule = schedule(weekly(START, "09:00", "alice", "bob"));

    assertEquals(new Shift("alice", berlin("2026-01-05T09:00"), berlin("2026-01-12T09:00")),
        schedule.shiftAt(berlin("2026-01-09T18:00")));
    assertEquals(Optional.of("alice"), schedule.onCallAt(berlin("2026-01-12T08:59")));
    assertEquals(Optional.of("bob"), schedule.onCallAt(berlin("2026-01-12T09:00")));
    assertEquals(Optional.of("alice"), schedule.onCallAt(berlin("2026-01-19T09:00")));
  }

  @Test
  void beforeTheFirstShiftTheScheduleHasAGapWithoutABeginning() {
    LayeredSchedule schedule = schedule(weekly(START, "09:00", "alice", "bob"));

    assertEquals(new Shift(null, null, berlin("2026-01-05T09:00")), schedule.shiftAt(berlin("2026-01-05T08:59")));
    assertTrue(schedule.shiftAt(berlin("2025-06-01T12:00")).isGap());
  }

  @Test
  void aHandOffStaysAtItsLocalTimeWhenTheClocksChange() {
    LayeredSchedule daily = schedule(daily(START, "09:00", "alice", "bob"));

    // Spring forward on 29 March 2026: 09:00 is 08:00Z before and 07:00Z after, so that shift lasts 23 hours.
    Shift beforeSpring = daily.shiftAt(berlin("2026-03-28T12:00"));
    assertEquals(Instant.parse("2026-03-28T08:00:00Z"), beforeSpring.since());
    assertEquals(Instant.parse("2026-03-29T07:00:00Z"), beforeSpring.until());
    // Fall back on 25 October 2026: that shift lasts 25 hours.
    Shift beforeAutumn = daily.shiftAt(berlin("2026-10-24T12:00"));
    assertEquals(Instant.parse("2026-10-24T07:00:00Z"), beforeAutumn.since());
    assertEquals(Instant.parse("2026-10-25T08:00:00Z"), beforeAutumn.until());

    LayeredSchedule weekly = schedule(weekly(START, "09:00", "alice", "bob"));
    Shift acrossSpring = weekly.shiftAt(Instant.parse("2026-03-27T12:00:00Z"));
    assertEquals(Instant.parse("2026-03-23T08:00:00Z"), acrossSpring.since());
    assertEquals(Instant.parse("2026-03-30T07:00:00Z"), acrossSpring.until());
    assertEquals(Duration.ofHours(7 * 24 - 1), Duration.between(acrossSpring.since(), acrossSpring.until()));
  }

  @Test
  void aHandOffTimeTheClocksSkipHappensOnceTheyHaveMoved() {
    LayeredSchedule schedule = schedule(daily(START, "02:30", "alice", "bob"));

    // 02:30 does not exist on 29 March 2026 in Berlin: the hand-off is at 03:30 CEST, 01:30Z.
    Shift shift = schedule.shiftAt(Instant.parse("2026-03-29T01:00:00Z"));
    assertEquals(Instant.parse("2026-03-28T01:30:00Z"), shift.since());
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), shift.until());
    assertEquals(Instant.parse("2026-03-30T00:30:00Z"), schedule.shiftAt(Instant.parse("2026-03-29T02:00:00Z")).until());
  }

  @Test
  void aLaterLayerWinsFromItsStartAndAnEarlierOneFillsTheTimeBefore() {
    LayeredSchedule schedule =
        schedule(weekly(START, "09:00", "alice", "bob"), daily(LocalDate.of(2026, 2, 2), "09:00", "carol", "dave"));

    assertEquals(Optional.of("bob"), schedule.onCallAt(berlin("2026-01-30T12:00")));
    assertEquals(new Shift("bob", berlin("2026-01-26T09:00"), berlin("2026-02-02T09:00")),
        schedule.shiftAt(berlin("2026-02-01T12:00")), "the later layer's start ends bob's shift early");
    assertEquals(new Shift("carol", berlin("2026-02-02T09:00"), berlin("2026-02-03T09:00")),
        schedule.shiftAt(berlin("2026-02-02T09:00")));
    assertEquals(Optional.of("dave"), schedule.onCallAt(berlin("2026-02-09T12:00")));
  }

  @Test
  void anOverrideWinsOverEveryLayerForItsTimeOnly() {
    ScheduleOverride erin =
        new ScheduleOverride(Instant.parse("2026-01-07T12:00:00Z"), Instant.parse("2026-01-08T12:00:00Z"), "erin");
    LayeredSchedule schedule =
        new LayeredSchedule("primary", List.of(weekly(START, "09:00", "alice", "bob"), daily(START, "09:00", "carol")), List.of(erin));

    assertEquals(new Shift("carol", berlin("2026-01-05T09:00"), erin.from()), schedule.shiftAt(berlin("2026-01-06T12:00")));
    assertEquals(new Shift("erin", erin.from(), erin.to()), schedule.shiftAt(Instant.parse("2026-01-07T12:00:00Z")));
    assertEquals(new Shift("carol", erin.to(), null), schedule.shiftAt(erin.to()), "carol's layer never hands off");
  }

  @Test
  void ofOverlappingOverridesTheLaterOneWins() {
    ScheduleOverride dave =
        new ScheduleOverride(Instant.parse("2026-01-07T00:00:00Z"), Instant.parse("2026-01-09T00:00:00Z"), "dave");
    ScheduleOverride erin =
        new ScheduleOverride(Instant.parse("2026-01-08T00:00:00Z"), Instant.parse("2026-01-08T06:00:00Z"), "erin");
    LayeredSchedule schedule = new LayeredSchedule("primary", List.of(weekly(START, "09:00", "alice", "bob")), List.of(dave, erin));

    assertEquals(new Shift("dave", dave.from(), erin.from()), schedule.shiftAt(Instant.parse("2026-01-07T12:00:00Z")));
    assertEquals(new Shift("erin", erin.from(), erin.to()), schedule.shiftAt(Instant.parse("2026-01-08T01:00:00Z")));
    assertEquals(new Shift("dave", erin.to(), dave.to()), schedule.shiftAt(Instant.parse("2026-01-08T12:00:00Z")));
  }

  @Test
  void anOverrideByThePersonOnCallChangesNothing() {
    ScheduleOverride alice =
        new ScheduleOverride(Instant.parse("2026-01-06T00:00:00Z"), Instant.parse("2026-01-07T00:00:00Z"), "alice");
    LayeredSchedule schedule = new LayeredSchedule("primary", List.of(weekly(START, "09:00", "alice", "bob")), List.of(alice));

    assertEquals(new Shift("alice", berlin("2026-01-05T09:00"), berlin("2026-01-12T09:00")),
        schedule.shiftAt(Instant.parse("2026-01-06T12:00:00Z")));
  }

  @Test
  void anOverrideBeforeTheFirstShiftSplitsTheGap() {
    ScheduleOverride dave =
        new ScheduleOverride(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"), "dave");
    LayeredSchedule schedule = new LayeredSchedule("primary", List.of(weekly(START, "09:00", "alice")), List.of(dave));

    assertEquals(new Shift(null, null, dave.from()), schedule.shiftAt(Instant.parse("2025-12-31T00:00:00Z")));
    assertEquals(new Shift(null, dave.to(), berlin("2026-01-05T09:00")), schedule.shiftAt(Instant.parse("2026-01-03T00:00:00Z")));
  }

  @Test
  void aMemberListedTwiceInARowServesOneLongShift() {
    LayeredSchedule schedule = schedule(daily(START, "09:00", "alice", "alice", "bob"));

    assertEquals(new Shift("alice", berlin("2026-01-05T09:00"), berlin("2026-01-07T09:00")),
        schedule.shiftAt(berlin("2026-01-06T12:00")));
    assertEquals(new Shift("alice", berlin("2026-01-08T09:00"), berlin("2026-01-10T09:00")),
        schedule.shiftAt(berlin("2026-01-09T12:00")));
  }

  @Test
  void aRotationOfOnePersonNeverEnds() {
    LayeredSchedule schedule = schedule(daily(START, "09:00", "alice"));

    assertEquals(new Shift("alice", berlin("2026-01-05T09:00"), null), schedule.shiftAt(berlin("2031-07-01T12:00")));
  }

  @Test
  void farInTheFutureTheHandOffIsStillAtItsLocalTime() {
    LayeredSchedule schedule = schedule(weekly(START, "09:00", "alice", "bob"));

    Shift shift = schedule.shiftAt(Instant.parse("9999-12-31T23:59:59Z"));
    assertNotNull(shift.person());
    ZonedDateTime since = shift.since().atZone(BERLIN);
    assertEquals(DayOfWeek.MONDAY, since.getDayOfWeek());
    assertEquals(LocalTime.of(9, 0), since.toLocalTime());
    assertEquals(since.plusWeeks(1).toInstant(), shift.until());
    assertFalse(shift.person().equals(schedule.onCallAt(shift.until()).orElseThrow()));
  }

  @Test
  void everyInstantIsAnswered() {
    LayeredSchedule schedule = schedule(weekly(START, "09:00", "alice", "bob"));

    assertEquals(new Shift(null, null, berlin("2026-01-05T09:00")), schedule.shiftAt(Instant.MIN));
    assertEquals(new Shift(null, null, berlin("2026-01-05T09:00")), schedule.shiftAt(Instant.parse("0001-01-01T00:00:00Z")));
    Shift last = schedule.shiftAt(Instant.MAX);
    assertNotNull(last.person());
    assertNotNull(last.since());
  }

  @Test
  void aRotationNeedsMembersAndAnOverrideMustEndAfterItStarts() {
    assertThrows(IllegalArgumentException.class, () -> daily(START, "09:00"));
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> new ScheduleOverride(at, at, "alice"));
  }

  private static LayeredSchedule schedule(Rotation... layers) {
    return new LayeredSchedule("primary", List.of(layers), List.of());
  }

  private static Rotation daily(LocalDate start, String handOff, String... members) {
    return new Rotation(Period.DAILY, start, LocalTime.parse(handOff), BERLIN, List.of(members));
  }

  private static Rotation weekly(LocalDate start, String handOff, String... members) {
    return new Rotation(Period.WEEKLY, start, LocalTime.parse(handOff), BERLIN, List.of(members));
  }

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }
}
