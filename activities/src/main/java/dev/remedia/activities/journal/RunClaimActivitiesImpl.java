package dev.remedia.activities.journal;

import dev.remedia.activities.store.RunClaimStore;
import dev.remedia.workflows.runbook.RunClaimActivities;
import java.time.Clock;

/** Claims exclusive keys in PostgreSQL for workflows that start runs (incidents, the sweep). */
public final class RunClaimActivitiesImpl implements RunClaimActivities {

  private final RunClaimStore claims;
  private final Clock clock;

  public RunClaimActivitiesImpl(RunClaimStore claims, Clock clock) {
    this.claims = claims;
    this.clock = clock;
  }

  @Override
  public String claim(Claim claim) {
    return claims.claim(claim.key(), claim.runId(), clock.instant());
  }
}
