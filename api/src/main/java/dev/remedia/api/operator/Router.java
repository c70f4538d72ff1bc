package dev.remedia.api.operator;

import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.runbooks.RunbookInputReader;
import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.workflows.incident.RouteDecision;
import dev.remedia.workflows.runbook.RunbookDefinition;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for each received alert, its incident key and what the incident should run. The first route
 * that matches wins. Routing never fails because of an alert: a key that cannot be rendered falls back to
 * the source's default key, and an input that cannot be built is reported in the decision instead.
 */
@Singleton
public final class Router {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final OperatorConfig config;
  private final RunbookInputReader inputs;

  public Router(OperatorConfig config, RunbookInputReader inputs) {
    this.config = config;
    this.inputs = inputs;
  }

  public RoutedAlert route(ReceivedAlert alert) {
    for (Route route : config.routes()) {
      if (route.match().matches(alert)) {
        return routed(route, alert);
      }
    }
    return new RoutedAlert(alert, alert.defaultDedupeKey(), RouteDecision.unrouted());
  }

  private RoutedAlert routed(Route route, ReceivedAlert alert) {
    String key = dedupeKey(route, alert);
    RunbookDefinition runbook = route.runbook();
    if (runbook == null) {
      return new RoutedAlert(
          alert, key, new RouteDecision(route.name(), null, null, null, route.escalationPolicy()));
    }
    Map<String, Object> input = null;
    String problem = null;
    try {
      Map<String, Object> rendered = route.input().render(alert);
      input = inputs.toMap(inputs.read(runbook, inputs.tree(rendered)));
    } catch (TemplateException | ApiProblem e) {
      problem = "cannot build the input of runbook '" + runbook.name() + "' from the alert: " + e.getMessage();
    }
    return new RoutedAlert(
        alert,
        key,
        new RouteDecision(route.name(), runbook.name(), input, problem, route.escalationPolicy()));
  }

  private static String dedupeKey(Route route, ReceivedAlert alert) {
    String key;
    try {
      key = route.dedupe().keyFor(alert);
    } catch (TemplateException e) {
      LOG.warn(
          "Route '{}': dedupe key '{}' cannot be rendered ({}); using the source's default key",
          route.name(), route.dedupe(), e.getMessage());
      return alert.defaultDedupeKey();
    }
    return key == null || key.isBlank() ? alert.defaultDedupeKey() : key;
  }
}
