package dev.remedia.api.operator;

import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.LayeredSchedule;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.oncall.Rotation;
import dev.remedia.activities.oncall.ScheduleOverride;
import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageTarget;
import dev.remedia.workflows.paging.TargetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code escalation-policies:}, who is paged in which order. Every target must exist and be
 * reachable on its level's channels, and the sizes are bounded, because the policy travels into each
 * escalation's workflow history.
 */
final class EscalationPoliciesSection {

  static final int MAX_LEVELS = 10;
  static final int MAX_TARGETS = 20;
  static final int MAX_REPEAT = 10;
  static final Duration MIN_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofHours(24);

  private static final List<String> KEYS = List.of("name", "levels", "repeat", "final");
  private static final List<String> LEVEL_KEYS = List.of("notify", "channels", "delay");
  private static final List<String> FINAL_KEYS = List.of("action", "notify", "channels");
  private static final List<String> TARGET_KEYS = List.of("person", "schedule", "slack-channel");
  private static final List<String> ACTIONS = List.of("mark-unacknowledged", "notify-fallback");
  /** Slack channel ids: C (public) or G (private), then upper-case letters and digits. */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
  /** Without {@code final:}, a policy that runs out marks the incident unacknowledged. */
  private static final Ending MARK = new Ending(FinalAction.MARK_UNACKNOWLEDGED, null);

  private final NodeReader nodes;
  private final NamedList policies;
  private final NamedList peopleNames;
  private final NamedList scheduleNames;
  private final Map<String, Person> people;
  private final Map<String, LayeredSchedule> schedules;
  private final ChannelListReader channels;

  /**
   * @param peopleNames and {@code scheduleNames}: what a target may name
   * @param people and {@code schedules}: the valid ones, whose contacts are checked
   */
  EscalationPoliciesSection(
      NodeReader nodes,
      NamedList peopleNames,
      NamedList scheduleNames,
      List<Person> people,
      List<LayeredSchedule> schedules) {
    this.nodes = nodes;
    this.policies = new NamedList(nodes, "escalation-policies", "escalation policy", KEYS);
    this.peopleNames = peopleNames;
    this.scheduleNames = scheduleNames;
    this.people = people.stream().collect(Collectors.toMap(Person::name, person -> person, (a, b) -> a));
    this.schedules = schedules.stream().collect(Collectors.toMap(LayeredSchedule::name, s -> s, (a, b) -> a));
    this.channels = new ChannelListReader(nodes);
  }

  /** The policies declared, whether or not the rest of their entry was valid. */
  NamedList names() {
    return policies;
  }

  /** The valid policies of {@code section} (or null). */
  List<EscalationPolicy> read(Entry section) {
    return policies.read(section, this::policy);
  }

  private EscalationPolicy policy(NamedList.Item item) {
    String label = item.label();
    Map<String, Entry> fields = item.fields();
    List<EscalationLevel> levels = null;
    if (!fields.containsKey("levels")) {
      nodes.problem(item.node(), label, "levels is required: at least one level");
    } else {
      levels = levels(fields.get("levels").value(), label);
    }
    Integer repeat = 0;
    if (fields.containsKey("repeat")) {
      repeat = repeat(fields.get("repeat").value(), label + ": repeat");
    }
    Ending ending = fields.containsKey("final") ? ending(fields.get("final").value(), label + ": final") : MARK;
    if (levels == null || repeat == null || ending == null) {
      return null;
    }
    return new EscalationPolicy(item.name(), levels, repeat, ending.action(), ending.fallback());
  }

  /** What a policy does when it runs out: {@code fallback} only for {@link FinalAction#NOTIFY_FALLBACK}. */
  private record Ending(FinalAction action, EscalationLevel fallback) {}

  private List<EscalationLevel> levels(Node node, String label) {
    String where = label + ": levels";
    List<Node> items = nodes.list(node, where, "levels, each with notify, channels and delay", MAX_LEVELS);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      nodes.problem(node, where, "needs at least one level");
      return null;
    }
    List<EscalationLevel> levels = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      EscalationLevel level = level(items.get(i), where + "[" + i + "]");
      if (level != null) {
        levels.add(level);
      }
    }
    return levels.size() == items.size() ? levels : null;
  }

  private EscalationLevel level(Node node, String where) {
    Map<String, Entry> fields = nodes.mapping(node, where, LEVEL_KEYS);
    if (fields == null) {
      return null;
    }
    boolean complete = nodes.required(fields, LEVEL_KEYS, node, where);
    Duration delay =
        fields.containsKey("delay")
            ? nodes.duration(fields.get("delay").value(), where + ".delay", MIN_DELAY, MAX_DELAY)
            : null;
    Notify notify = notify(fields, where);
    if (!complete || delay == null || notify == null) {
      return null;
    }
    return new EscalationLevel(notify.targets(), notify.channels(), delay.toSeconds());
  }

  /** The fallback level of a {@code notify-fallback} final action, paged once, without a delay. */
  private EscalationLevel fallback(Node node, Map<String, Entry> fields, String where) {
    boolean complete = nodes.required(fields, List.of("notify", "channels"), node, where);
    Notify notify = notify(fields, where);
    if (!complete || notify == null) {
      return null;
    }
    return new EscalationLevel(notify.targets(), notify.channels(), 0);
  }

  private record Notify(List<PageTarget> targets, List<PageChannel> channels) {}

  /** The targets of {@code notify}, checked against the {@code channels} beside them; null after problems. */
  private Notify notify(Map<String, Entry> fields, String where) {
    List<PageChannel> levelChannels = null;
    Entry channelsEntry = fields.get("channels");
    if (channelsEntry != null) {
      levelChannels = channels.read(channelsEntry.value(), where + ".channels");
      if (levelChannels != null && levelChannels.isEmpty()) {
        nodes.problem(channelsEntry.value(), where + ".channels", "needs at least one channel");
        levelChannels = null;
      }
    }
    Entry notifyEntry = fields.get("notify");
    if (notifyEntry == null) {
      return null;
    }
    List<PageTarget> targets = targets(notifyEntry.value(), where + ".notify", levelChannels);
    return levelChannels == null || targets == null ? null : new Notify(targets, levelChannels);
  }

  private List<PageTarget> targets(Node node, String where, List<PageChannel> levelChannels) {
    List<Node> items =
        nodes.list(node, where, "targets, like [{person: alice}, {schedule: primary}, {slack-channel: C0123ABCD}]",
            MAX_TARGETS);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      nodes.problem(node, where, "needs at least one target");
      return null;
    }
    Set<PageTarget> targets = new LinkedHashSet<>();
    boolean valid = true;
    for (int i = 0; i < items.size(); i++) {
      PageTarget target = target(items.get(i), where + "[" + i + "]", levelChannels);
      if (target != null && !targets.add(target)) {
        nodes.problem(items.get(i), where + "[" + i + "]", "is listed twice in this level");
        valid = false;
      }
      valid &= target != null;
    }
    return valid ? List.copyOf(targets) : null;
  }

  private PageTarget target(Node node, String where, List<PageChannel> levelChannels) {
    Map<String, Entry> fields = nodes.mapping(node, where, TARGET_KEYS);
    if (fields == null) {
      return null;
    }
    if (fields.size() != 1) {
      nodes.problem(node, where, (fields.isEmpty() ? "is empty" : "names " + String.join(" and ", fields.keySet()))
          + "; a target is exactly one of person, schedule or slack-channel");
      return null;
    }
    String key = fields.keySet().iterator().next();
    Node valueNode = fields.get(key).value();
    String value = nodes.string(valueNode, where + "." + key);
    if (value == null) {
      return null;
    }
    return switch (key) {
      case "person" -> person(valueNode, where + ".person", value, levelChannels);
      case "schedule" -> schedule(valueNode, where + ".schedule", value, levelChannels);
      default -> slackChannel(valueNode, where + ".slack-channel", value, levelChannels);
    };
  }

  private PageTarget person(Node node, String where, String name, List<PageChannel> levelChannels) {
    if (!peopleNames.names().contains(name)) {
      nodes.problem(node, where, "no person named '" + name + "'; " + peopleNames.known());
      return null;
    }
    Person person = people.get(name);
    if (person != null && levelChannels != null && !reachable(person, levelChannels)) {
      nodes.problem(node, where, "'" + name + "' has no contact for this level's channels ("
          + ChannelListReader.names(levelChannels) + ")");
      return null;
    }
    return new PageTarget(TargetKind.PERSON, name);
  }

  private PageTarget schedule(Node node, String where, String name, List<PageChannel> levelChannels) {
    if (!scheduleNames.names().contains(name)) {
      nodes.problem(node, where, "no schedule named '" + name + "'; " + scheduleNames.known());
      return null;
    }
    LayeredSchedule schedule = schedules.get(name);
    if (schedule != null && levelChannels != null) {
      List<String> unreachable =
          onCallCandidates(schedule).stream()
              .filter(person -> people.containsKey(person) && !reachable(people.get(person), levelChannels))
              .toList();
      if (!unreachable.isEmpty()) {
        nodes.problem(node, where, "'" + name + "' can put " + String.join(", ", unreachable)
            + " on call, who " + (unreachable.size() == 1 ? "has" : "have")
            + " no contact for this level's channels (" + ChannelListReader.names(levelChannels) + ")");
        return null;
      }
    }
    return new PageTarget(TargetKind.SCHEDULE, name);
  }

  private PageTarget slackChannel(Node node, String where, String id, List<PageChannel> levelChannels) {
    if (!SlackChannels.isId(id)) {
      nodes.problem(node, where, SlackChannels.notAnId(id));
      return null;
    }
    if (levelChannels != null && !levelChannels.contains(PageChannel.SLACK)) {
      nodes.problem(node, where, "a Slack channel is paged over slack only, and this level's channels are "
          + ChannelListReader.names(levelChannels));
      return null;
    }
    return new PageTarget(TargetKind.SLACK_CHANNEL, id);
  }

  private Integer repeat(Node node, String where) {
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    if (WHOLE_NUMBER.matcher(text).matches() && Integer.parseInt(text) <= MAX_REPEAT) {
      return Integer.parseInt(text);
    }
    nodes.problem(node, where, "'" + text + "' is not a whole number from 0 to " + MAX_REPEAT);
    return null;
  }

  private Ending ending(Node node, String where) {
    Map<String, Entry> fields = nodes.mapping(node, where, FINAL_KEYS);
    if (fields == null || !nodes.required(fields, List.of("action"), node, where)) {
      return null;
    }
    Node actionNode = fields.get("action").value();
    String text = nodes.string(actionNode, where + ".action");
    if (text == null) {
      return null;
    }
    if (!ACTIONS.contains(text)) {
      nodes.problem(actionNode, where + ".action", "'" + text + "' is not an action; write " + String.join(" or ", ACTIONS));
      return null;
    }
    if (text.equals("notify-fallback")) {
      EscalationLevel fallback = fallback(node, fields, where);
      return fallback == null ? null : new Ending(FinalAction.NOTIFY_FALLBACK, fallback);
    }
    for (String key : List.of("notify", "channels")) {
      if (fields.containsKey(key)) {
        nodes.problem(fields.get(key).key(), where + "." + key, "is only for action notify-fallback");
        return null;
      }
    }
    return MARK;
  }

  /** Everyone a schedule can put on call: its layers' members and its overrides' people. */
  private static Set<String> onCallCandidates(LayeredSchedule schedule) {
    return Stream.concat(
            schedule.layers().stream().map(Rotation::members).flatMap(List::stream),
            schedule.overrides().stream().map(ScheduleOverride::person))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static boolean reachable(Person person, List<PageChannel> channels) {
    return channels.stream()
        .anyMatch(channel -> channel == PageChannel.SLACK ? person.slackUserId() != null : person.phone() != null);
  }
}
