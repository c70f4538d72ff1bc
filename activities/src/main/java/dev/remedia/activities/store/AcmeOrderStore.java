package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.ACME_ORDERS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Each renewal run's ACME order: its URL and new private key, saved before the order is finalized,
 * then its chain. This is what makes ordering idempotent per run, and what deploy reads, so keys never
 * pass through Temporal.
 */
public final class AcmeOrderStore {

  /** A run's order; {@code keyPem} is null once forgotten, {@code chainPem} until issued. */
  public record StoredOrder(String runId, String orderUrl, String keyPem, String chainPem) {

    @Override
    public String toString() {
      return "StoredOrder[runId=" + runId + ", orderUrl=" + orderUrl + ", issued=" + (chainPem != null) + "]";
    }
  }

  private final DSLContext db;

  public AcmeOrderStore(DSLContext db) {
    this.db = db;
  }

  public Optional<StoredOrder> find(String runId) {
    return db.selectFrom(ACME_ORDERS)
        .where(ACME_ORDERS.RUN_ID.eq(runId))
        .fetchOptional()
        .map(r -> new StoredOrder(r.getRunId(), r.getOrderUrl(), r.getKeyPem(), r.getChainPem()));
  }

  /** Saves (or replaces, when the earlier order went invalid) the run's order and its new key. */
  public void ordered(String runId, String orderUrl, String keyPem, Instant at) {
    db.insertInto(ACME_ORDERS)
        .set(ACME_ORDERS.RUN_ID, runId)
        .set(ACME_ORDERS.ORDER_URL, orderUrl)
        .set(ACME_ORDERS.KEY_PEM, keyPem)
        .set(ACME_ORDERS.CREATED_AT, utc(at))
        .onConflict(ACME_ORDERS.RUN_ID)
        .doUpdate()
        .set(ACME_ORDERS.ORDER_URL, orderUrl)
        .set(ACME_ORDERS.KEY_PEM, keyPem)
        .set(ACME_ORDERS.CHAIN_PEM, (String) null)
        .execute();
  }

  public void issued(String runId, String chainPem) {
    db.update(ACME_ORDERS).set(ACME_ORDERS.CHAIN_PEM, chainPem).where(ACME_ORDERS.RUN_ID.eq(runId)).execute();
  }

  /** Drops the private key once the run no longer needs it: it lives on only in the deployed files. */
  public void forgetKey(String runId) {
    db.update(ACME_ORDERS).setNull(ACME_ORDERS.KEY_PEM).where(ACME_ORDERS.RUN_ID.eq(runId)).execute();
  }
}
