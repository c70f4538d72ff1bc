package dev.remedia.api.operator;

import dev.remedia.api.StartupFailure;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the operator configuration at start-up, so a bad file stops Remedia before it takes alerts. */
@Factory
class OperatorConfigFactory {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.config");

  @Context
  OperatorConfig operatorConfig(@Value("${remedia.config-file:}") String configFile) {
    return load(configFile, System.getenv());
  }

  static OperatorConfig load(String configFile, Map<String, String> environment) {
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
      config = OperatorConfigLoader.load(file, environment);
    } catch (OperatorConfigException e) {
      throw new StartupFailure(e.getMessage(), e);
    }
    LOG.info(
        "Operator configuration: {}",
        file == null
            ? "no file (REMEDIA_CONFIG is blank): no routes, every alert is unrouted"
            : file + ", " + config.routes().size() + " route(s) " + config.routes().stream().map(Route::name).toList());
    return config;
  }
}
