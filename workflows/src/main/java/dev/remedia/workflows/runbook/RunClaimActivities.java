package dev.remedia.workflows.runbook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Claims an {@link ExclusiveInput}'s key for a run about to start. */
@ActivityInterface
public interface RunClaimActivities {

  /**
   * Claims {@code key} for {@code runId}, unless a run that has not ended holds it. Returns the run that
   * holds the key afterwards: {@code runId} itself when the caller should start it, another run's id
   * when the caller should join that one. Idempotent: a retried claim by the same run returns it again.
   */
  @ActivityMethod(name = "RunClaims.Claim")
  String claim(Claim claim);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Claim(String key, String runId) {}
}
