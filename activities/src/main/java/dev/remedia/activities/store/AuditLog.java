package dev.remedia.activities.store;

import static dev.remedia.activities.store.generated.Tables.AUDIT_LOG;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The append-only record of every human or external action. */
public final class AuditLog {

  private final DSLContext db;

  public AuditLog(DSLContext db) {
    this.db = db;
  }

  public void append(AuditEntry entry) {
    db.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.AT, entry.at().atOffset(ZoneOffset.UTC))
        .set(AUDIT_LOG.ACTOR, entry.actor())
        .set(AUDIT_LOG.ACTION, entry.action())
        .set(AUDIT_LOG.OBJECT_TYPE, entry.objectType())
        .set(AUDIT_LOG.OBJECT_ID, entry.objectId())
        .set(AUDIT_LOG.REMOTE_ADDRESS, entry.remoteAddress())
        .set(AUDIT_LOG.OUTCOME, entry.outcome())
        .set(AUDIT_LOG.DETAIL, entry.detailJson() == null ? null : JSONB.valueOf(entry.detailJson()))
        .execute();
  }

  /** Everything that was done to one object, oldest first. */
  public List<AuditEntry> forObject(String objectType, String objectId) {
    return db.selectFrom(AUDIT_LOG)
        .where(AUDIT_LOG.OBJECT_TYPE.eq(objectType), AUDIT_LOG.OBJECT_ID.eq(objectId))
        .orderBy(AUDIT_LOG.ID)
        .fetch(
            row ->
                new AuditEntry(
                    row.getAt().toInstant(),
                    row.getActor(),
                    row.getAction(),
                    row.getObjectType(),
                    row.getObjectId(),
                    row.getRemoteAddress(),
                    row.getOutcome(),
                    row.getDetail() == null ? null : row.getDetail().data()));
  }

  /** One action: who did what to which object, from where, with what outcome. */
  public record AuditEntry(
      Instant at,
      String actor,
      String action,
      String objectType,
      String objectId,
      String remoteAddress,
      String outcome,
      String detailJson) {}
}
