package dev.remedia.api.operator;

import dev.remedia.api.webhooks.WebhookSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's configuration, validated: routes from alerts to runbooks, webhook secrets and incident
 * settings. Built by {@link OperatorConfigLoader}; without a file it has no routes and no secrets but
 * those the environment gives.
 */
public final class OperatorConfig {

  public static final Duration DEFAULT_FLAP_WINDOW = Duration.ofMinutes(5);
  public static final Duration MAX_FLAP_WINDOW = Duration.ofHours(24);

  private final Path file;
  private final List<Route> routes;
  private final Map<WebhookSource, WebhookCredentials> webhooks;
  private final Duration flapWindow;

  OperatorConfig(
      Path file, List<Route> routes, Map<WebhookSource, WebhookCredentials> webhooks, Duration flapWindow) {
    this.file = file;
    this.routes = List.copyOf(routes);
    this.webhooks = webhooks.isEmpty() ? Map.of() : new EnumMap<>(webhooks);
    this.flapWindow = flapWindow;
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

  /** Names the routes and which sources have credentials, never the secrets. */
  @Override
  public String toString() {
    return "OperatorConfig[file=" + (file == null ? "none" : file)
        + ", routes=" + routes.stream().map(Route::name).toList()
        + ", webhooks=" + webhooks
        + ", flapWindow=" + flapWindow + "]";
  }
}
