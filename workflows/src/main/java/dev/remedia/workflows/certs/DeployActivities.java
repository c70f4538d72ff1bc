package dev.remedia.workflows.certs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Puts a run's new certificate where the endpoint serves it from, and takes it back. */
@ActivityInterface
public interface DeployActivities {

  /** What a deploy target from the configuration does; an unknown name is permanent {@code INVALID_INPUT}. */
  @ActivityMethod(name = "Deploy.Describe")
  String describe(String target);

  /**
   * Installs the run's stored certificate and key on the target and reloads it. Idempotent: files that
   * already hold the new content are left alone and keep their earlier copy for rollback. A failing
   * reload is permanent ({@code DEPLOY_FAILED}): retrying a broken reload does not mend it.
   */
  @ActivityMethod(name = "Deploy.Install")
  DeployReport deploy(DeployRequest request);

  /** Puts the previous certificate and key back and reloads. Idempotent. */
  @ActivityMethod(name = "Deploy.Rollback")
  DeployReport rollback(DeployRequest request);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DeployRequest(String runId, String target) {}

  /** @param detail one line for the timeline: what was written and what the reload said */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DeployReport(String detail) {}
}
