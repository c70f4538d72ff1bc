package dev.remedia.api.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A health indicator for one component: UP with a description of what runs, or DOWN with the reason.
 * Details never include credentials: descriptions come from components that redact them.
 */
abstract class ComponentHealth extends AbstractHealthIndicator<Map<String, Object>> {

  /** Throws when the component is not usable; answers what runs when it is. */
  protected abstract String check() throws Exception;

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    try {
      details.put("runs", check());
      healthStatus = HealthStatus.UP;
    } catch (Exception e) {
      healthStatus = HealthStatus.DOWN;
      details.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return details;
  }
}
