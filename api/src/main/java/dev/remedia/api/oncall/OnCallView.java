package dev.remedia.api.oncall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/oncall}: who each schedule has on call at one instant. */
@Serdeable
public record OnCallView(Instant at, List<ScheduleView> schedules) {

  /**
   * One schedule at {@code at}.
   *
   * @param onCall the person on call, or null for a gap
   * @param since when this person's shift (or the gap) began, or null when no beginning is known
   * @param until when the next person (or a gap) takes over, or null when no change is known ahead
   */
  @Serdeable
  public record ScheduleView(String name, @Nullable PersonView onCall, @Nullable Instant since, @Nullable Instant until) {}

  /** Who is on call, by name and Slack id; the phone number is personal data and stays out. */
  @Serdeable
  public record PersonView(String name, @Nullable String slackUserId) {}
}
