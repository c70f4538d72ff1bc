package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.RUNS;
import static dev.remedia.activities.store.generated.Tables.RUN_CLAIMS;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Who holds each exclusive key. A holder keeps its key while its run has not ended in the runs table
 * and, once {@link #START_GRACE} has passed since the claim, while Temporal still runs its workflow. So a
 * claim that never became a run (the starter died between claiming and starting) lapses, and so does
 * one whose workflow was terminated or timed out, which never writes its end. Taking a key over is a
 * compare-and-set, so two triggers never both win.
 */
public final class RunClaimStore {

  /** How long a claimed run has to record its start before its claim lapses. */
  public static final Duration START_GRACE = Duration.ofMinutes(2);

  private final DSLContext db;

  public RunClaimStore(DSLContext db) {
    this.db = db;
  }

  /**
   * Claims {@code key} for {@code runId} unless a live run holds it; returns the holder afterwards.
   *
   * @param running whether Temporal still runs a workflow, by id; asked only about a holder past its
   *     grace whose run has not ended here
   */
  public String claim(String key, String runId, Instant now, Predicate<String> running) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int inserted =
          db.insertInto(RUN_CLAIMS)
              .set(RUN_CLAIMS.CLAIM_KEY, key)
              .set(RUN_CLAIMS.RUN_ID, runId)
              .set(RUN_CLAIMS.CLAIMED_AT, utc(now))
              .onConflict(RUN_CLAIMS.CLAIM_KEY)
              .doNothing()
              .execute();
      if (inserted == 1) {
        return runId;
      }
      Record2<String, java.time.OffsetDateTime> holder =
          db.select(RUN_CLAIMS.RUN_ID, RUN_CLAIMS.CLAIMED_AT)
              .from(RUN_CLAIMS)
              .where(RUN_CLAIMS.CLAIM_KEY.eq(key))
              .fetchOne();
      if (holder == null) {
        continue;
      }
      String holderId = holder.value1();
      if (holderId.equals(runId) || !lapsed(holderId, instant(holder.value2()), now, running)) {
        return holderId;
      }
      int taken =
          db.update(RUN_CLAIMS)
              .set(RUN_CLAIMS.RUN_ID, runId)
              .set(RUN_CLAIMS.CLAIMED_AT, utc(now))
              .where(RUN_CLAIMS.CLAIM_KEY.eq(key), RUN_CLAIMS.RUN_ID.eq(holderId))
              .execute();
      if (taken == 1) {
        return runId;
      }
    }
    throw new IllegalStateException("claim of " + key + " kept changing hands");
  }

  private boolean lapsed(String holderId, Instant claimedAt, Instant now, Predicate<String> running) {
    var run = db.select(RUNS.ENDED_AT).from(RUNS).where(RUNS.ID.eq(holderId)).fetchOptional();
    if (run.isPresent() && run.get().value1() != null) {
      return true;
    }
    // Within the grace the starter may still be starting it; after it, Temporal has the last word.
    return claimedAt.plus(START_GRACE).isBefore(now) && !running.test(holderId);
  }
}
