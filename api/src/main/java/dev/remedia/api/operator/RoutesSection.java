package dev.remedia.api.operator;

import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.RunbookDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code routes:}, which alerts go where, in file order. */
final class RoutesSection {

  private static final List<String> KEYS = List.of("name", "match", "dedupe", "runbook", "input", "escalation");

  private final NodeReader nodes;
  private final RouteMatchReader matches;
  private final InputTemplateReader inputs;

  RoutesSection(NodeReader nodes) {
    this.nodes = nodes;
    this.matches = new RouteMatchReader(nodes);
    this.inputs = new InputTemplateReader(nodes);
  }

  /** The valid routes of {@code section} (or null); the others leave problems behind. */
  List<Route> read(Entry section) {
    List<Route> routes = new ArrayList<>();
    if (section == null || NodeReader.isNull(section.value())) {
      return routes;
    }
    Node node = section.value();
    if (!(node instanceof SequenceNode list)) {
      nodes.problem(node, "routes",
          "must be a list of routes (each item starting with '- name:'), not " + NodeReader.kind(node));
      return routes;
    }
    Map<String, Integer> names = new HashMap<>();
    List<Node> items = list.getValue();
    for (int i = 0; i < items.size(); i++) {
      Route route = route(i, items.get(i), names);
      if (route != null) {
        routes.add(route);
      }
    }
    return routes;
  }

  private Route route(int index, Node node, Map<String, Integer> names) {
    String label = "routes[" + index + "]";
    if (!(node instanceof MappingNode mappingNode)) {
      nodes.problem(node, label,
          "must be a mapping with name, match, dedupe, runbook, input and escalation, not " + NodeReader.kind(node));
      return null;
    }
    String name = NodeReader.peekName(mappingNode);
    boolean nameValid = NodeReader.isName(name);
    if (nameValid) {
      label += " '" + name + "'";
    }
    Map<String, Entry> fields = nodes.mapping(node, label, KEYS);
    if (fields == null) {
      return null;
    }
    Entry nameEntry = fields.get("name");
    if (nameEntry == null) {
      nodes.problem(node, label, "name is required");
    } else if (nodes.string(nameEntry.value(), label + ": name") != null && !nameValid) {
      nodes.problem(nameEntry.value(), label,
          "name: '" + name + "' is not a valid route name; use " + NodeReader.NAME_RULE);
    } else if (nameValid && names.containsKey(name)) {
      nodes.problem(nameEntry.value(), label,
          "name: routes[" + names.get(name) + "] already has this name; route names must be unique");
    } else if (nameValid) {
      names.put(name, index);
    }

    RouteMatch match = fields.containsKey("match") ? matches.read(fields.get("match").value(), label) : RouteMatch.ANY;
    Dedupe dedupe =
        fields.containsKey("dedupe")
            ? dedupe(fields.get("dedupe").value(), label, match == null ? null : match.source())
            : Dedupe.DEFAULT;
    RunbookDefinition runbook = null;
    boolean runbookGiven = fields.containsKey("runbook");
    if (runbookGiven) {
      runbook = runbook(fields.get("runbook").value(), label);
    }
    InputTemplate input = InputTemplate.EMPTY;
    Entry inputEntry = fields.get("input");
    if (inputEntry != null) {
      if (!runbookGiven) {
        nodes.problem(inputEntry.key(), label,
            "input: is only allowed with runbook; it is the input of the runbook to start");
      }
      input = inputs.read(inputEntry.value(), label, runbook);
    }
    if (runbook != null && input != null) {
      inputs.requireInputs(runbook, input, inputEntry != null ? inputEntry.key() : fields.get("runbook").key(), label);
    }
    String escalation = null;
    Entry escalationEntry = fields.get("escalation");
    if (escalationEntry != null) {
      escalation = nodes.string(escalationEntry.value(), label + ": escalation");
      if (escalation != null && !NodeReader.isName(escalation)) {
        nodes.problem(escalationEntry.value(), label,
            "escalation: '" + escalation + "' is not a valid policy name; use " + NodeReader.NAME_RULE);
        escalation = null;
      }
    }
    if (!nameValid || match == null || dedupe == null || input == null || (runbookGiven && runbook == null)) {
      return null;
    }
    return new Route(index, name, match, dedupe, runbook, input, escalation);
  }

  private Dedupe dedupe(Node node, String label, WebhookSource source) {
    String where = label + ": dedupe";
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    switch (text) {
      case "default":
        return Dedupe.DEFAULT;
      case "fingerprint":
        return new Dedupe(Dedupe.Kind.FINGERPRINT, null);
      case "group":
        if (source == WebhookSource.ALERTMANAGER || source == WebhookSource.GRAFANA) {
          return new Dedupe(Dedupe.Kind.GROUP, null);
        }
        nodes.problem(node, where, source == null
            ? "group needs match.source alertmanager or grafana, the sources that send a group key"
            : "group is only available for alertmanager and grafana; " + source.id() + " sends no group key");
        return null;
      default:
        break;
    }
    if (text.isBlank()) {
      nodes.problem(node, where, "must not be blank; leave it out to use the source's default key");
      return null;
    }
    try {
      return new Dedupe(Dedupe.Kind.TEMPLATE, Template.parse(text));
    } catch (TemplateException e) {
      nodes.problem(node, where, e.getMessage());
      return null;
    }
  }

  private RunbookDefinition runbook(Node node, String label) {
    String name = nodes.string(node, label + ": runbook");
    if (name == null) {
      return null;
    }
    return RunbookCatalog.find(name)
        .orElseGet(
            () -> {
              nodes.problem(node, label, "runbook: no runbook named '" + name + "'; known: "
                  + RunbookCatalog.all().stream().map(RunbookDefinition::name).collect(Collectors.joining(", ")));
              return null;
            });
  }
}
