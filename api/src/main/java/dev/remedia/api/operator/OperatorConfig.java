package dev.remedia.api.operator;

import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.oncall.Schedule;
import dev.remedia.api.webhooks.WebhookSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's configuration, validated: routes from alerts to runbooks, webhook secrets, incident
 * settings, and the on-call model (people, schedules, escalation policies). Built by
 * {@link OperatorConfigLoader}; without a file it has no routes, no people and no secrets but those the
 * environment gives.
 */
public final class OperatorConfig {

  public static final Duration DEFAULT_FLAP_WINDOW = Duration.ofMinutes(5);
  public static final Duration MAX_FLAP_WINDOW = Duration.ofHours(24);

  private final Path file;
  private final List<Route> routes;
  private final Map<WebhookSource, WebhookCredentials> webhooks;
  private final Duration flapWindow;
  private final OnCallDirectory onCall;
  private final CertificatesConfig certificates;

  OperatorConfig(
      Path file,
      List<Route> routes,
      Map<WebhookSource, WebhookCredentials> webhooks,
      Duration flapWindow,
      OnCallDirectory onCall,
      CertificatesConfig certificates) {
    this.file = file;
    this.routes = List.copyOf(routes);
    this.webhooks = webhooks.isEmpty() ? Map.of() : new EnumMap<>(webhooks);
    this.flapWindow = flapWindow;
    this.onCall = onCall;
    this.certificates = certificates;
  }

  /** The ACME CA, deploy targets and the endpoint inventory; empty lists when not configured. */
  public CertificatesConfig certificates() {
    return certificates;
  }

  /** The file it was read from, or empty when none was configured. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The routes in file order; the first that matches an alert wins. */
  public List<Route> routes() {
    return routes;
  }

  /** What a source's webhook must present, or empty when neither the file nor the environment set any. */
  public Optional<WebhookCredentials> credentials(WebhookSource source) {
    return Optional.ofNullable(webhooks.get(source));
  }

  /** How long a resolved incident waits for the alert to fire again before it closes. */
  public Duration flapWindow() {
    return flapWindow;
  }

  /** The people, schedules and escalation policies; every name a route or policy uses is in it. */
  public OnCallDirectory onCall() {
    return onCall;
  }

  /** Names the routes, which sources have credentials and the on-call model, never secrets or contacts. */
  @Override
  public String toString() {
    return "OperatorConfig[file=" + (file == null ? "none" : file)
        + ", routes=" + routes.stream().map(Route::name).toList()
        + ", webhooks=" + webhooks
        + ", flapWindow=" + flapWindow
        + ", people=" + onCall.people().stream().map(Person::name).toList()
        + ", schedules=" + onCall.schedules().stream().map(Schedule::name).toList()
        + ", escalationPolicies=" + onCall.policies().stream().map(EscalationPolicy::name).toList()
        + ", certificateEndpoints=" + certificates.inventory().size() + "]";
  }
}
