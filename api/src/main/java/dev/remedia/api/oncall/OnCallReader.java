package dev.remedia.api.oncall;

import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.oncall.Schedule;
import dev.remedia.activities.oncall.Shift;
import dev.remedia.api.oncall.OnCallView.PersonView;
import dev.remedia.api.oncall.OnCallView.ScheduleView;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.api.query.QueryParameters;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Answers who is on call from the schedules of the operator configuration. */
@Singleton
class OnCallReader {

  private final OnCallDirectory directory;

  OnCallReader(OperatorConfig config) {
    this.directory = config.onCall();
  }

  /** Every schedule at {@code at} (an ISO-8601 time with an offset), or now when it is not given. */
  OnCallView at(String at) {
    Instant when = QueryParameters.instant("at", at);
    Instant instant = when != null ? when : Instant.now();
    return new OnCallView(instant, directory.schedules().stream().map(schedule -> view(schedule, instant)).toList());
  }

  private ScheduleView view(Schedule schedule, Instant at) {
    Shift shift = schedule.shiftAt(at);
    PersonView person =
        shift.isGap()
            ? null
            : new PersonView(shift.person(), directory.person(shift.person()).map(Person::slackUserId).orElse(null));
    return new ScheduleView(schedule.name(), person, shift.since(), shift.until());
  }
}
