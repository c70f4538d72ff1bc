package dev.remedia.activities.oncall;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The people, schedules and escalation policies of the operator configuration, by name. */
public final class OnCallDirectory {

  private final Map<String, Person> people;
  private final Map<String, Schedule> schedules;
  private final Map<String, EscalationPolicy> policies;

  public OnCallDirectory(
      List<Person> people, List<? extends Schedule> schedules, List<EscalationPolicy> policies) {
    this.people = byName(people, Person::name);
    this.schedules = byName(schedules, Schedule::name);
    this.policies = byName(policies, EscalationPolicy::name);
  }

  public static OnCallDirectory empty() {
    return new OnCallDirectory(List.of(), List.of(), List.of());
  }

  public Optional<Person> person(String name) {
    return Optional.ofNullable(people.get(name));
  }

  public Optional<Person> personBySlackUser(String slackUserId) {
    return people.values().stream().filter(p -> slackUserId.equals(p.slackUserId())).findFirst();
  }

  public Optional<Person> personByPhone(String e164) {
    return people.values().stream().filter(p -> e164.equals(p.phone())).findFirst();
  }

  public Collection<Person> people() {
    return people.values();
  }

  public Optional<Schedule> schedule(String name) {
    return Optional.ofNullable(schedules.get(name));
  }

  public Collection<Schedule> schedules() {
    return schedules.values();
  }

  /** The person a schedule has on call at {@code at}; empty for a gap or an unknown schedule. */
  public Optional<Person> onCall(String schedule, Instant at) {
    return schedule(schedule).flatMap(s -> s.onCallAt(at)).flatMap(this::person);
  }

  public Optional<EscalationPolicy> policy(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  public Collection<EscalationPolicy> policies() {
    return policies.values();
  }

  private static <T> Map<String, T> byName(Collection<? extends T> items, Function<T, String> name) {
    return items.stream()
        .collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
