package dev.remedia.api.operator;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML nodes of one operator configuration file and collects the problems found on the way, each
 * with its line and field, so that every section reader reports in the same words and the loader can
 * fail once with all of them.
 */
final class NodeReader {

  static final String NAME_RULE =
      "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters";

  static final String UNQUOTED_TEMPLATE =
      "a value that starts with '{{' must be quoted, like \"{{labels.instance}}\"; YAML reads it as a mapping";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smh])");
  private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{2}:\\d{2}");

  private final String fileName;
  private final List<Problem> problems = new ArrayList<>();

  NodeReader(String fileName) {
    this.fileName = fileName;
  }

  /** Whether {@code text} follows {@link #NAME_RULE}, the rule for every name the file declares. */
  static boolean isName(String text) {
    return text != null && NAME.matcher(text).matches();
  }

  /**
   * The entries of a mapping whose keys must all be in {@code allowed}; a null (empty) value is an empty
   * mapping. Returns null after recording a problem when the node is not a mapping.
   */
  Map<String, Entry> mapping(Node node, String where, List<String> allowed) {
    Map<String, Entry> entries = entries(node, where);
    if (entries == null) {
      return null;
    }
    Map<String, Entry> known = new LinkedHashMap<>();
    entries.forEach(
        (key, entry) -> {
          if (allowed.contains(key)) {
            known.put(key, entry);
          } else {
            problem(entry.key(), where, "unknown key '" + key + "'; allowed: " + String.join(", ", allowed));
          }
        });
    return known;
  }

  /** The entries of a mapping with any keys; refuses duplicate and non-string keys. */
  Map<String, Entry> entries(Node node, String where) {
    if (isNull(node)) {
      return new LinkedHashMap<>();
    }
    if (looksLikeUnquotedTemplate(node)) {
      problem(node, where, UNQUOTED_TEMPLATE);
      return null;
    }
    if (!(node instanceof MappingNode mapping)) {
      problem(node, where, "must be a mapping of keys to values, not " + kind(node));
      return null;
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    boolean valid = true;
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
        problem(tuple.getKeyNode(), where, "keys must be names, not " + kind(tuple.getKeyNode()));
        valid = false;
        continue;
      }
      Entry earlier = entries.putIfAbsent(key.getValue(), new Entry(key, tuple.getValueNode()));
      if (earlier != null) {
        problem(key, where, "key '" + key.getValue() + "' appears twice (first on line " + line(earlier.key()) + ")");
        valid = false;
      }
    }
    return valid ? entries : null;
  }

  /** Whether every one of {@code keys} is present; records a problem at {@code node} for each missing. */
  boolean required(Map<String, Entry> fields, List<String> keys, Node node, String where) {
    boolean present = true;
    for (String key : keys) {
      if (!fields.containsKey(key)) {
        problem(node, where, key + " is required");
        present = false;
      }
    }
    return present;
  }

  /** A single value as written; null after recording a problem when it is absent or not a scalar. */
  String string(Node node, String where) {
    if (looksLikeUnquotedTemplate(node)) {
      problem(node, where, UNQUOTED_TEMPLATE);
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, where, "must be a single value, not " + kind(node));
      return null;
    }
    if (scalar.getTag().equals(Tag.NULL)) {
      problem(node, where, "needs a value");
      return null;
    }
    return scalar.getValue();
  }

  /**
   * The items of a list of at most {@code max} {@code what}; a null (empty) value is an empty list.
   * Returns null after recording a problem.
   */
  List<Node> list(Node node, String where, String what, int max) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, where, "must be a list of " + what + ", not " + kind(node));
      return null;
    }
    if (sequence.getValue().size() > max) {
      problem(node, where, "has " + sequence.getValue().size() + " items; at most " + max + " are allowed");
      return null;
    }
    return sequence.getValue();
  }

  /** A time of day written {@code HH:mm}, like 09:00; null after recording a problem. */
  LocalTime timeOfDay(Node node, String where) {
    String text = string(node, where);
    if (text == null) {
      return null;
    }
    if (TIME_OF_DAY.matcher(text).matches()) {
      try {
        return LocalTime.parse(text);
      } catch (DateTimeParseException e) {
        // Falls through to the same answer as a malformed time.
      }
    }
    problem(node, where, "'" + text + "' is not a time of day; write it like 09:00 or 22:30");
    return null;
  }

  /** A time zone by its IANA name, like Europe/Berlin, or UTC; null after recording a problem. */
  ZoneId zone(Node node, String where) {
    String text = string(node, where);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      problem(node, where, "'" + text + "' is not a time zone; write its IANA name, like Europe/Berlin, or UTC");
      return null;
    }
  }

  /**
   * A duration written as a whole number and a unit {@code s}, {@code m} or {@code h}, from {@code min}
   * to {@code max}; null after recording a problem.
   */
  Duration duration(Node node, String where, Duration min, Duration max) {
    String text = string(node, where);
    if (text == null) {
      return null;
    }
    Matcher matcher = DURATION.matcher(text.strip());
    if (!matcher.matches()) {
      problem(node, where, "'" + text + "' is not a duration; write it like 30s, 5m or 1h");
      return null;
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration =
        switch (matcher.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    if (duration.compareTo(max) > 0 || duration.compareTo(min) < 0) {
      problem(node, where, "'" + text + "' is too " + (duration.compareTo(max) > 0 ? "long" : "short")
          + "; it must be from " + format(min) + " to " + format(max));
      return null;
    }
    return duration;
  }

  /** The name of a mapping's {@code name} key, when it has a single value, so labels can show it early. */
  static String peekName(MappingNode node) {
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key
          && key.getValue().equals("name")
          && tuple.getValueNode() instanceof ScalarNode value
          && !value.getTag().equals(Tag.NULL)) {
        return value.getValue();
      }
    }
    return null;
  }

  /** YAML reads an unquoted {@code {{labels.x}}} as a mapping whose only key is another mapping. */
  static boolean looksLikeUnquotedTemplate(Node node) {
    return node instanceof MappingNode mapping
        && mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW
        && mapping.getValue().size() == 1
        && mapping.getValue().get(0).getKeyNode() instanceof MappingNode;
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  static String kind(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    return "a single value";
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  void problem(Node node, String where, String message) {
    problem(line(node), where, message);
  }

  void problem(int line, String where, String message) {
    problems.add(new Problem(line, where, message));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Records a problem with the file as a whole and gives the failure to throw at once. */
  OperatorConfigException fatal(String message) {
    problems.add(new Problem(0, "", message));
    return failure();
  }

  /** Every problem recorded, in line order. */
  OperatorConfigException failure() {
    List<String> lines =
        problems.stream()
            .sorted(Comparator.comparingInt(Problem::line))
            .map(problem -> problem.format(fileName))
            .distinct()
            .toList();
    return new OperatorConfigException(fileName, lines);
  }

  private static String format(Duration duration) {
    if (duration.isZero() || duration.toSeconds() % 60 != 0) {
      return duration.toSeconds() + "s";
    }
    return duration.toMinutes() % 60 != 0 ? duration.toMinutes() + "m" : duration.toHours() + "h";
  }

  /** A key and its value, with the key node kept for its line. */
  record Entry(Node key, Node value) {}

  private record Problem(int line, String where, String message) {

    String format(String fileName) {
      return fileName + (line > 0 ? " line " + line : "") + ": " + (where.isEmpty() ? "" : where + ": ") + message;
    }
  }
}
