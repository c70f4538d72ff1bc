package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.API_TOKENS;

import dev.remedia.activities.store.generated.tables.records.ApiTokensRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * API tokens by the SHA-256 of their value: the value itself is never stored. A name is unique among
 * live tokens; a revoked token keeps its row, so the listing and the audit log can still name it.
 */
public final class ApiTokenStore {

  private final DSLContext db;

  public ApiTokenStore(DSLContext db) {
    this.db = db;
  }

  /**
   * Records a new token.
   *
   * @param tokenHash the hex SHA-256 of the token's value
   * @return false when a live token already has this name
   */
  public boolean create(StoredApiToken token, String tokenHash) {
    return db.insertInto(API_TOKENS)
            .set(API_TOKENS.ID, token.id())
            .set(API_TOKENS.NAME, token.name())
            .set(API_TOKENS.LIVE_NAME, token.name())
            .set(API_TOKENS.ROLE, token.role())
            .set(API_TOKENS.PERSON, token.person())
            .set(API_TOKENS.TOKEN_HASH, tokenHash)
            .set(API_TOKENS.CREATED_AT, utc(token.createdAt()))
            .set(API_TOKENS.CREATED_BY, token.createdBy())
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** The token whose value hashes to {@code tokenHash}, revoked or not. */
  public Optional<StoredApiToken> findByHash(String tokenHash) {
    return db.selectFrom(API_TOKENS).where(API_TOKENS.TOKEN_HASH.eq(tokenHash)).fetchOptional(ApiTokenStore::token);
  }

  public Optional<StoredApiToken> find(UUID id) {
    return db.selectFrom(API_TOKENS).where(API_TOKENS.ID.eq(id)).fetchOptional(ApiTokenStore::token);
  }

  /** Every token, revoked ones included, newest first. */
  public List<StoredApiToken> list() {
    return db.selectFrom(API_TOKENS)
        .orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID.desc())
        .fetch(ApiTokenStore::token);
  }

  public int countLive() {
    return db.fetchCount(API_TOKENS, API_TOKENS.REVOKED_AT.isNull());
  }

  /**
   * Revokes the token and frees its name; revoking it again keeps the first time.
   *
   * @return the token as it now is, or empty when there is no such token
   */
  public Optional<StoredApiToken> revoke(UUID id, Instant at) {
    db.update(API_TOKENS)
        .set(API_TOKENS.REVOKED_AT, utc(at))
        .setNull(API_TOKENS.LIVE_NAME)
        .where(API_TOKENS.ID.eq(id), API_TOKENS.REVOKED_AT.isNull())
        .execute();
    return find(id);
  }

  /** Records that the token was used; callers write this coarsely, not on every request. */
  public void touch(UUID id, Instant at) {
    db.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, utc(at)).where(API_TOKENS.ID.eq(id)).execute();
  }

  private static StoredApiToken token(ApiTokensRecord row) {
    return new StoredApiToken(
        row.getId(),
        row.getName(),
        row.getRole(),
        row.getPerson(),
        instant(row.getCreatedAt()),
        row.getCreatedBy(),
        instant(row.getLastUsedAt()),
        instant(row.getRevokedAt()));
  }
}
