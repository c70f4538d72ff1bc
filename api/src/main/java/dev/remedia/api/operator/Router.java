package dev.remedia.api.operator;

import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.runbooks.RunbookInputReader;
import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.workflows.incident.RouteDecision;
import dev.remedia.workflows.runbook.ExclusiveInput;
import dev.remedia.workflows.runbook.RunbookDefinition;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  private final Set<String> warnedRoutes = ConcurrentHashMap.newKeySet();

  public Router(OperatorConfig config, RunbookInputReader inputs) {
    this.config = config;
    this.inputs = inputs;
  }

  /** The first matching route and the incident key; cheap enough for every alert of every delivery. */
  public RoutedAlert route(ReceivedAlert alert) {
    for (Route route : config.routes()) {
      if (route.match().matches(alert)) {
        return new RoutedAlert(alert, dedupeKey(route, alert), route);
      }
    }
    return new RoutedAlert(alert, alert.defaultDedupeKey(), null);
  }

  /**
   * What the incident workflow should do if this alert opens its incident: the runbook and its input,
   * rendered and validated. Only the first alert of each incident in a delivery needs it, so it is not
   * part of {@link #route}.
   */
  public RouteDecision decide(RoutedAlert routed) {
    Route route = routed.route();
    if (route == null) {
      return RouteDecision.unrouted();
    }
    RunbookDefinition runbook = route.runbook();
    if (runbook == null) {
      return new RouteDecision(route.name(), null, null, null, route.escalationPolicy());
    }
    Map<String, Object> input = null;
    String problem = null;
    String exclusiveKey = null;
    try {
      Map<String, Object> rendered = route.input().render(routed.alert());
      Record typed = inputs.read(runbook, inputs.tree(rendered));
      input = inputs.toMap(typed);
      exclusiveKey = typed instanceof ExclusiveInput exclusive ? exclusive.exclusiveKey() : null;
    } catch (TemplateException | ApiProblem e) {
      problem = "cannot build the input of runbook '" + runbook.name() + "' from the alert: " + e.getMessage();
    }
    return new RouteDecision(route.name(), runbook.name(), input, problem, route.escalationPolicy(), exclusiveKey);
  }

  private String dedupeKey(Route route, ReceivedAlert alert) {
    String key;
    try {
      key = route.dedupe().keyFor(alert);
    } catch (TemplateException e) {
      // Once per route: a storm of alerts must not become a storm of identical warnings.
      if (warnedRoutes.add(route.name())) {
        LOG.warn(
            "Route '{}': dedupe key '{}' cannot be rendered ({}); using the source's default key, "
                + "and not warning again for this route",
            route.name(), route.dedupe(), e.getMessage());
      }
      return alert.defaultDedupeKey();
    }
    return key == null || key.isBlank() ? alert.defaultDedupeKey() : key;
  }
}
