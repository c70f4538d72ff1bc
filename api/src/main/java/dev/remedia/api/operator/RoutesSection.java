package dev.remedia.api.operator;

import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.RunbookDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code routes:}, which alerts go where, in file order. */
final class RoutesSection {

  private static final List<String> KEYS = List.of("name", "match", "dedupe", "runbook", "input", "escalation");

  private final NodeReader nodes;
  private final NamedList routes;
  private final NamedList policies;
  private final RouteMatchReader matches;
  private final InputTemplateReader inputs;

  /** @param policies the escalation policies a route may name */
  RoutesSection(NodeReader nodes, NamedList policies) {
    this.nodes = nodes;
    this.routes = new NamedList(nodes, "routes", "route", KEYS);
    this.policies = policies;
    this.matches = new RouteMatchReader(nodes);
    this.inputs = new InputTemplateReader(nodes);
  }

  /** The valid routes of {@code section} (or null); the others leave problems behind. */
  List<Route> read(Entry section) {
    return routes.read(section, this::route);
  }

  private Route route(NamedList.Item item) {
    String label = item.label();
    Map<String, Entry> fields = item.fields();
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
      if (escalation != null && !policies.names().contains(escalation)) {
        nodes.problem(escalationEntry.value(), label,
            "escalation: no escalation policy named '" + escalation + "'; " + policies.known());
      }
    }
    if (match == null || dedupe == null || input == null || (runbookGiven && runbook == null)) {
      return null;
    }
    return new Route(item.index(), item.name(), match, dedupe, runbook, input, escalation);
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
