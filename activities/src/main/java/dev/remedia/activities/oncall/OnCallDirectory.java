package dev.remedia.activities.oncall;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The people, schedules, escalation policies and approver groups of the operator configuration, by name. */
public final class OnCallDirectory {

  private final Map<String, Person> people;
  private final Map<String, Schedule> schedules;
  private final Map<String, EscalationPolicy> policies;
  private final Map<String, ApproverGroup> approverGroups;

  public OnCallDirectory(
      List<Person> people,
      List<? extends Schedule> schedules,
      List<EscalationPolicy> policies,
      List<ApproverGroup> approverGroups) {
    this.people = byName(people, Person::name);
    this.schedules = byName(schedules, Schedule::name);
    this.policies = byName(policies, EscalationPolicy::name);
    this.approverGroups = byName(approverGroups, ApproverGroup::name);
  }

  /** A directory without approver groups, as paging alone needs. */
  public OnCallDirectory(
      List<Person> people, List<? extends Schedule> schedules, List<EscalationPolicy> policies) {
    this(people, schedules, policies, List.of());
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

  public Optional<ApproverGroup> approverGroup(String name) {
    return Optional.ofNullable(approverGroups.get(name));
  }

  public Collection<ApproverGroup> approverGroups() {
    return approverGroups.values();
  }

  /**
   * The people a group lets decide at {@code at}: its people, and each schedule's person on call then.
   * In the configuration's order, without repeats.
   */
  public List<Person> approvers(ApproverGroup group, Instant at) {
    return group.members().stream()
        .flatMap(
            member ->
                switch (member.kind()) {
                  case PERSON -> person(member.name()).stream();
                  case SCHEDULE -> onCall(member.name(), at).stream();
                  case SLACK_CHANNEL -> Stream.<Person>empty();
                })
        .distinct()
        .toList();
  }

  private static <T> Map<String, T> byName(Collection<? extends T> items, Function<T, String> name) {
    return items.stream()
        .collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
