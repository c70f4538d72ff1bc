package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.AUDIT_LOG;

import dev.remedia.activities.store.generated.tables.records.AuditLogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The append-only record of every human or external action. This class only adds and reads rows, and
 * the database refuses any change to them (V8).
 */
public final class AuditLog {

  private final DSLContext db;

  public AuditLog(DSLContext db) {
    this.db = db;
  }

  public void append(AuditEntry entry) {
    db.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.AT, utc(entry.at()))
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
        .fetch(AuditLog::toEntry);
  }

  /**
   * A page of entries, newest first, keyset-paged on (time, id).
   *
   * @throws IllegalArgumentException when the cursor's id is not an audit entry's number
   */
  public AuditPage list(AuditQuery query) {
    List<Condition> conditions = new ArrayList<>();
    if (query.actor() != null) {
      conditions.add(AUDIT_LOG.ACTOR.eq(query.actor()));
    }
    if (query.action() != null) {
      conditions.add(AUDIT_LOG.ACTION.eq(query.action()));
    }
    if (query.actionPrefix() != null) {
      // startsWith escapes % and _ in the value, so "run_" matches those four characters only.
      conditions.add(AUDIT_LOG.ACTION.startsWith(query.actionPrefix()));
    }
    if (query.objectType() != null) {
      conditions.add(AUDIT_LOG.OBJECT_TYPE.eq(query.objectType()));
    }
    if (query.objectId() != null) {
      conditions.add(AUDIT_LOG.OBJECT_ID.eq(query.objectId()));
    }
    if (query.outcome() != null) {
      conditions.add(AUDIT_LOG.OUTCOME.eq(query.outcome()));
    }
    if (query.from() != null) {
      conditions.add(AUDIT_LOG.AT.ge(utc(query.from())));
    }
    if (query.before() != null) {
      conditions.add(AUDIT_LOG.AT.lt(utc(query.before())));
    }
    if (query.after() != null) {
      conditions.add(
          DSL.row(AUDIT_LOG.AT, AUDIT_LOG.ID)
              .lt(utc(query.after().at()), Long.parseLong(query.after().id())));
    }
    List<LoggedEntry> entries =
        db.selectFrom(AUDIT_LOG)
            .where(conditions)
            .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
            .limit(query.limit() + 1)
            .fetch(row -> new LoggedEntry(row.getId(), toEntry(row)));
    return Keyset.page(
        entries,
        query.limit(),
        last -> new PageCursor(last.entry().at(), Long.toString(last.id())),
        AuditPage::new);
  }

  private static AuditEntry toEntry(AuditLogRecord row) {
    return new AuditEntry(
        row.getAt().toInstant(),
        row.getActor(),
        row.getAction(),
        row.getObjectType(),
        row.getObjectId(),
        row.getRemoteAddress(),
        row.getOutcome(),
        row.getDetail() == null ? null : row.getDetail().data());
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

  /** An entry as stored, with the number the log gave it. */
  public record LoggedEntry(long id, AuditEntry entry) {}
}
