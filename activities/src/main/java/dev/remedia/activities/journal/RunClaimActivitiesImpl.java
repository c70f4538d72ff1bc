package dev.remedia.activities.journal;

import dev.remedia.activities.store.RunClaimStore;
import dev.remedia.workflows.runbook.RunClaimActivities;
import java.time.Clock;
import java.util.function.Predicate;

/** Claims exclusive keys in PostgreSQL for workflows that start runs (incidents, the sweep). */
public final class RunClaimActivitiesImpl implements RunClaimActivities {

  private final RunClaimStore claims;
  private final Predicate<String> running;
  private final Clock clock;

  /** @param running whether Temporal still runs a workflow, by id ({@link RunningWorkflows}) */
  public RunClaimActivitiesImpl(RunClaimStore claims, Predicate<String> running, Clock clock) {
    this.claims = claims;
    this.running = running;
    this.clock = clock;
  }

  @Override
  public String claim(Claim claim) {
    return claims.claim(claim.key(), claim.runId(), clock.instant(), running);
  }
}
