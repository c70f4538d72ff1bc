package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.ACME_CHALLENGES;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** HTTP-01 tokens waiting for the CA; any replica answers them, so they live in PostgreSQL. */
public final class ChallengeStore {

  private final DSLContext db;

  public ChallengeStore(DSLContext db) {
    this.db = db;
  }

  public void put(String token, String keyAuthorization, String runId, Instant at) {
    db.insertInto(ACME_CHALLENGES)
        .set(ACME_CHALLENGES.TOKEN, token)
        .set(ACME_CHALLENGES.KEY_AUTHORIZATION, keyAuthorization)
        .set(ACME_CHALLENGES.RUN_ID, runId)
        .set(ACME_CHALLENGES.CREATED_AT, utc(at))
        .onConflict(ACME_CHALLENGES.TOKEN)
        .doNothing()
        .execute();
  }

  /** The key authorization to answer for {@code token}, if it is pending. */
  public Optional<String> keyAuthorization(String token) {
    return db.select(ACME_CHALLENGES.KEY_AUTHORIZATION)
        .from(ACME_CHALLENGES)
        .where(ACME_CHALLENGES.TOKEN.eq(token))
        .fetchOptional(ACME_CHALLENGES.KEY_AUTHORIZATION);
  }

  public void remove(String token) {
    db.deleteFrom(ACME_CHALLENGES).where(ACME_CHALLENGES.TOKEN.eq(token)).execute();
  }
}
