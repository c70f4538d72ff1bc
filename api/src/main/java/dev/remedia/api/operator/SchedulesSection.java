package dev.remedia.api.operator;

import dev.remedia.activities.oncall.LayeredSchedule;
import dev.remedia.activities.oncall.Rotation;
import dev.remedia.activities.oncall.ScheduleOverride;
import dev.remedia.api.operator.NodeReader.Entry;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code schedules:}, who is on call when: rotation layers and overrides over the people declared. */
final class SchedulesSection {

  static final int MAX_LAYERS = 10;
  static final int MAX_MEMBERS = 100;
  static final int MAX_OVERRIDES = 500;

  private static final List<String> KEYS = List.of("name", "layers", "overrides");
  private static final List<String> LAYER_KEYS = List.of("rotation", "hand-off", "start", "members");
  private static final List<String> HAND_OFF_KEYS = List.of("at", "day", "zone");
  private static final List<String> OVERRIDE_KEYS = List.of("from", "to", "person");
  private static final List<String> ROTATIONS = List.of("daily", "weekly");

  private final NodeReader nodes;
  private final NamedList schedules;
  private final NamedList people;

  /** @param people the people a schedule may name */
  SchedulesSection(NodeReader nodes, NamedList people) {
    this.nodes = nodes;
    this.schedules = new NamedList(nodes, "schedules", "schedule", KEYS);
    this.people = people;
  }

  /** The schedules declared, whether or not the rest of their entry was valid. */
  NamedList names() {
    return schedules;
  }

  /** The valid schedules of {@code section} (or null). */
  List<LayeredSchedule> read(Entry section) {
    return schedules.read(section, this::schedule);
  }

  private LayeredSchedule schedule(NamedList.Item item) {
    String label = item.label();
    Entry layersEntry = item.fields().get("layers");
    List<Rotation> layers = null;
    if (layersEntry == null) {
      nodes.problem(item.node(), label, "layers is required: at least one rotation");
    } else {
      layers = layers(layersEntry.value(), label);
    }
    List<ScheduleOverride> overrides = List.of();
    Entry overridesEntry = item.fields().get("overrides");
    if (overridesEntry != null) {
      overrides = overrides(overridesEntry.value(), label);
    }
    return layers == null || overrides == null ? null : new LayeredSchedule(item.name(), layers, overrides);
  }

  private List<Rotation> layers(Node node, String label) {
    List<Node> items = nodes.list(node, label + ": layers", "rotations", MAX_LAYERS);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      nodes.problem(node, label + ": layers", "needs at least one rotation");
      return null;
    }
    List<Rotation> layers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Rotation layer = layer(items.get(i), label + ": layers[" + i + "]");
      if (layer != null) {
        layers.add(layer);
      }
    }
    return layers.size() == items.size() ? layers : null;
  }

  private Rotation layer(Node node, String where) {
    Map<String, Entry> fields = nodes.mapping(node, where, LAYER_KEYS);
    if (fields == null) {
      return null;
    }
    boolean complete = nodes.required(fields, LAYER_KEYS, node, where);
    Rotation.Period period =
        fields.containsKey("rotation") ? period(fields.get("rotation").value(), where + ".rotation") : null;
    LocalDate start = fields.containsKey("start") ? date(fields.get("start").value(), where + ".start") : null;
    List<String> members =
        fields.containsKey("members") ? members(fields.get("members").value(), where + ".members") : null;
    HandOff handOff =
        fields.containsKey("hand-off") ? handOff(fields.get("hand-off").value(), where + ".hand-off", period) : null;
    if (!complete || period == null || start == null || members == null || handOff == null) {
      return null;
    }
    if (handOff.day() != null && start.getDayOfWeek() != handOff.day()) {
      nodes.problem(fields.get("start").value(), where + ".start", start + " is a " + dayName(start.getDayOfWeek())
          + ", but the rotation hands off on " + dayName(handOff.day()) + "s; the first shift starts at a hand-off");
      return null;
    }
    return new Rotation(period, start, handOff.at(), handOff.zone(), members);
  }

  /** When a rotation hands off; {@code day} only for a weekly one. */
  private record HandOff(LocalTime at, ZoneId zone, DayOfWeek day) {}

  /** The hand-off of a rotation of {@code period} (null when that had a problem), or null after problems. */
  private HandOff handOff(Node node, String where, Rotation.Period period) {
    Map<String, Entry> fields = nodes.mapping(node, where, HAND_OFF_KEYS);
    if (fields == null) {
      return null;
    }
    boolean complete = nodes.required(fields, List.of("at", "zone"), node, where);
    LocalTime at = fields.containsKey("at") ? nodes.timeOfDay(fields.get("at").value(), where + ".at") : null;
    ZoneId zone = fields.containsKey("zone") ? nodes.zone(fields.get("zone").value(), where + ".zone") : null;
    DayOfWeek weekday = null;
    boolean dayValid = true;
    Entry day = fields.get("day");
    if (period == Rotation.Period.DAILY && day != null) {
      nodes.problem(day.key(), where + ".day", "only a weekly rotation hands off on a day of the week; leave it out");
      dayValid = false;
    } else if (period == Rotation.Period.WEEKLY && day == null) {
      nodes.problem(node, where, "day is required for a weekly rotation, like day: monday");
      dayValid = false;
    } else if (period == Rotation.Period.WEEKLY) {
      weekday = weekday(day.value(), where + ".day");
      dayValid = weekday != null;
    }
    return complete && dayValid && at != null && zone != null ? new HandOff(at, zone, weekday) : null;
  }

  private Rotation.Period period(Node node, String where) {
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    if (!ROTATIONS.contains(text)) {
      nodes.problem(node, where, "'" + text + "' is not a rotation; write daily or weekly");
      return null;
    }
    return Rotation.Period.valueOf(text.toUpperCase(Locale.ROOT));
  }

  private LocalDate date(Node node, String where) {
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      nodes.problem(node, where, "'" + text + "' is not a date; write it like 2026-01-05");
      return null;
    }
  }

  private DayOfWeek weekday(Node node, String where) {
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    try {
      return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      nodes.problem(node, where, "'" + text + "' is not a day of the week; write it like monday");
      return null;
    }
  }

  private List<String> members(Node node, String where) {
    List<Node> items = nodes.list(node, where, "people's names, like [alice, bob]", MAX_MEMBERS);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      nodes.problem(node, where, "needs at least one person");
      return null;
    }
    List<String> members = new ArrayList<>();
    for (Node item : items) {
      String name = person(item, where);
      if (name != null) {
        members.add(name);
      }
    }
    return members.size() == items.size() ? members : null;
  }

  private List<ScheduleOverride> overrides(Node node, String label) {
    List<Node> items = nodes.list(node, label + ": overrides", "overrides, each with from, to and person", MAX_OVERRIDES);
    if (items == null) {
      return null;
    }
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ScheduleOverride override = override(items.get(i), label + ": overrides[" + i + "]");
      if (override != null) {
        overrides.add(override);
      }
    }
    return overrides.size() == items.size() ? overrides : null;
  }

  private ScheduleOverride override(Node node, String where) {
    Map<String, Entry> fields = nodes.mapping(node, where, OVERRIDE_KEYS);
    if (fields == null) {
      return null;
    }
    boolean complete = nodes.required(fields, OVERRIDE_KEYS, node, where);
    Instant from = fields.containsKey("from") ? instant(fields.get("from").value(), where + ".from") : null;
    Instant to = fields.containsKey("to") ? instant(fields.get("to").value(), where + ".to") : null;
    String person = fields.containsKey("person") ? person(fields.get("person").value(), where + ".person") : null;
    if (!complete || from == null || to == null || person == null) {
      return null;
    }
    if (!to.isAfter(from)) {
      nodes.problem(fields.get("to").value(), where + ".to", "must be after from");
      return null;
    }
    return new ScheduleOverride(from, to, person);
  }

  private Instant instant(Node node, String where) {
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      nodes.problem(node, where, "'" + text + "' is not an ISO-8601 time with an offset; write it like "
          + "2026-02-01T09:00:00+01:00 or 2026-02-01T08:00:00Z");
      return null;
    }
  }

  private String person(Node node, String where) {
    String name = nodes.string(node, where);
    if (name == null) {
      return null;
    }
    if (!people.names().contains(name)) {
      nodes.problem(node, where, "no person named '" + name + "'; " + people.known());
      return null;
    }
    return name;
  }

  private static String dayName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
