package dev.remedia.api.operator;

import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.workflows.incident.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a route's {@code match:}, the conditions an alert must meet. */
final class RouteMatchReader {

  private static final List<String> KEYS = List.of("source", "severity", "labels", "labels-regex", "labels-absent");
  private static final List<String> SEVERITY_NAMES =
      Arrays.stream(Severity.values()).map(severity -> severity.name().toLowerCase(Locale.ROOT)).toList();

  private final NodeReader nodes;

  RouteMatchReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  /** The match, or null after recording its problems. */
  RouteMatch read(Node node, String label) {
    String where = label + ": match";
    Map<String, Entry> fields = nodes.mapping(node, where, KEYS);
    if (fields == null) {
      return null;
    }
    boolean valid = true;
    WebhookSource source = null;
    Entry sourceEntry = fields.get("source");
    if (sourceEntry != null) {
      String id = nodes.string(sourceEntry.value(), where + ".source");
      if (id != null) {
        source = WebhookSource.fromId(id).orElse(null);
        if (source == null) {
          nodes.problem(sourceEntry.value(), where + ".source",
              "'" + id + "' is not a source; the sources are " + String.join(", ", WebhooksSection.SOURCE_IDS));
        }
      }
      valid = source != null;
    }
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    Entry severityEntry = fields.get("severity");
    if (severityEntry != null) {
      Set<Severity> read = severities(severityEntry.value(), where + ".severity");
      valid &= read != null;
      if (read != null) {
        severities.addAll(read);
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Entry labelsEntry = fields.get("labels");
    if (labelsEntry != null) {
      Map<String, Entry> entries = nodes.entries(labelsEntry.value(), where + ".labels");
      valid &= entries != null;
      if (entries != null) {
        entries.forEach(
            (name, entry) -> {
              String value = nodes.string(entry.value(), where + ".labels." + name);
              if (value != null) {
                labels.put(name, value);
              }
            });
        valid &= labels.size() == entries.size();
      }
    }
    Map<String, Pattern> regexes = new LinkedHashMap<>();
    Entry regexEntry = fields.get("labels-regex");
    if (regexEntry != null) {
      Map<String, Entry> entries = nodes.entries(regexEntry.value(), where + ".labels-regex");
      valid &= entries != null;
      if (entries != null) {
        entries.forEach(
            (name, entry) -> {
              Pattern pattern = regex(entry.value(), where + ".labels-regex." + name);
              if (pattern != null) {
                regexes.put(name, pattern);
              }
            });
        valid &= regexes.size() == entries.size();
      }
    }
    List<String> absent = new ArrayList<>();
    Entry absentEntry = fields.get("labels-absent");
    if (absentEntry != null) {
      List<String> names = labelNames(absentEntry.value(), where + ".labels-absent");
      valid &= names != null;
      if (names != null) {
        absent.addAll(names);
        for (String name : names) {
          if (labels.containsKey(name) || regexes.containsKey(name)) {
            nodes.problem(absentEntry.value(), where,
                "label '" + name + "' is both required and absent, so the route can never match");
            valid = false;
          }
        }
      }
    }
    return valid ? new RouteMatch(source, severities, labels, regexes, absent) : null;
  }

  /** One severity or a list of them, as the template variable {@code severity} writes them. */
  private Set<Severity> severities(Node node, String where) {
    List<Node> items = node instanceof SequenceNode list ? list.getValue() : List.of(node);
    if (items.isEmpty()) {
      nodes.problem(node, where, "must name at least one severity; leave it out to take every severity");
      return null;
    }
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    for (Node item : items) {
      String text = nodes.string(item, where);
      if (text == null) {
        return null;
      }
      if (!SEVERITY_NAMES.contains(text)) {
        nodes.problem(item, where,
            "'" + text + "' is not a severity; the severities are " + String.join(", ", SEVERITY_NAMES));
        return null;
      }
      severities.add(Severity.valueOf(text.toUpperCase(Locale.ROOT)));
    }
    return severities;
  }

  private Pattern regex(Node node, String where) {
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      nodes.problem(node, where, "'" + text + "' is not a valid regular expression: " + e.getDescription()
          + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
      return null;
    }
  }

  private List<String> labelNames(Node node, String where) {
    if (!(node instanceof SequenceNode list)) {
      nodes.problem(node, where, "must be a list of label names, like [maintenance], not " + NodeReader.kind(node));
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Node item : list.getValue()) {
      String name = nodes.string(item, where);
      if (name == null) {
        return null;
      }
      if (name.isBlank()) {
        nodes.problem(item, where, "label names must not be blank");
        return null;
      }
      names.add(name);
    }
    return names;
  }
}
