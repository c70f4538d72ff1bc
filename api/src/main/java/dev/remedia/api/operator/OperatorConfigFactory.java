package dev.remedia.api.operator;

import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.Schedule;
import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.TemporalSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the operator configuration at start-up, so a bad file stops Remedia before it takes alerts.
 * Without a file, dev mode (the in-process Temporal, as for webhook credentials) loads a bundled
 * example so paging can be tried at once; production has no routes.
 */
@Factory
class OperatorConfigFactory {

  /** Dev mode's example: two people, a weekly rotation, a two-level policy, critical alerts paged. */
  static final String DEV_EXAMPLE = "dev/remedia-dev.yml";

  private static final Logger LOG = LoggerFactory.getLogger("remedia.config");

  @Context
  OperatorConfig operatorConfig(@Value("${remedia.config-file:}") String configFile, TemporalSettings temporal) {
    return load(configFile, temporal.devServer(), System.getenv());
  }

  static OperatorConfig load(String configFile, boolean devMode, Map<String, String> environment) {
    Path file = null;
    if (configFile != null && !configFile.isBlank()) {
      try {
        file = Path.of(configFile);
      } catch (InvalidPathException e) {
        throw new StartupFailure(
            "the operator configuration path (remedia.config-file, REMEDIA_CONFIG) is not a usable path: "
                + e.getReason(),
            e);
      }
    }
    OperatorConfig config;
    try {
      config =
          file == null && devMode
              ? OperatorConfigLoader.loadBundled(DEV_EXAMPLE, environment)
              : OperatorConfigLoader.load(file, environment);
    } catch (OperatorConfigException e) {
      throw new StartupFailure(e.getMessage(), e);
    }
    if (file != null) {
      LOG.info("Operator configuration: {}, {}", file, contents(config));
    } else if (devMode) {
      LOG.info(
          "Operator configuration: no file (REMEDIA_CONFIG is blank), so dev mode uses its example classpath:{}, {}",
          DEV_EXAMPLE, contents(config));
    } else {
      LOG.info("Operator configuration: no file (REMEDIA_CONFIG is blank): no routes, every alert is unrouted");
    }
    return config;
  }

  private static String contents(OperatorConfig config) {
    var onCall = config.onCall();
    return config.routes().size() + " route(s) " + config.routes().stream().map(Route::name).toList()
        + ", " + onCall.people().size() + " person(s)"
        + ", " + onCall.schedules().size() + " schedule(s) " + onCall.schedules().stream().map(Schedule::name).toList()
        + ", " + onCall.policies().size() + " escalation policy(ies) "
        + onCall.policies().stream().map(EscalationPolicy::name).toList();
  }
}
