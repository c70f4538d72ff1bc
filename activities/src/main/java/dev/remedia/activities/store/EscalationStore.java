package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.ESCALATIONS;
import static dev.remedia.activities.store.generated.Tables.ESCALATION_NOTES;

import dev.remedia.activities.store.generated.tables.records.EscalationsRecord;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.SettleAction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Escalations and the notes they add to their incident's timeline. Every write is idempotent: an
 * escalation is created once by id, settles or runs out once, and a note lands once per key.
 */
public final class EscalationStore {

  private static final String UNIQUE_VIOLATION = "23505";

  private final DSLContext db;

  public EscalationStore(DSLContext db) {
    this.db = db;
  }

  /** What {@link #start} did. */
  public enum Start {
    /** The escalation is recorded with the given plan and reply code. */
    STARTED,
    /** It is already paging: this is a retry, and the stored plan stands. */
    ALREADY_PAGING,
    /** Another escalation still paging holds the reply code: try another. */
    REPLY_CODE_TAKEN
  }

  /**
   * Records a new escalation. An escalation that exists but no longer pages belongs to an earlier
   * execution under the same workflow id (an incident paged again), so it starts over with the new
   * plan; its pages stay, already told how they were settled.
   */
  public Start start(NewEscalation escalation) {
    EscalationsRecord row = db.newRecord(ESCALATIONS);
    row.setId(escalation.id());
    row.setSubjectId(escalation.subjectId());
    row.setIncidentId(escalation.incidentId());
    row.setRunId(escalation.runId());
    row.setPolicy(escalation.policy());
    row.setPlan(JSONB.valueOf(escalation.planJson()));
    row.setReplyCode(escalation.replyCode());
    row.setStatus(EscalationStatus.PAGING.name());
    row.setStartedAt(utc(escalation.startedAt()));
    try {
      int written =
          db.insertInto(ESCALATIONS)
              .set(row)
              .onConflict(ESCALATIONS.ID)
              .doUpdate()
              .set(row)
              .set(ESCALATIONS.SETTLED_ACTION, (String) null)
              .set(ESCALATIONS.SETTLED_BY, (String) null)
              .set(ESCALATIONS.SETTLED_VIA, (String) null)
              .set(ESCALATIONS.SETTLED_AT, (OffsetDateTime) null)
              .set(ESCALATIONS.FINAL_ACTION, (String) null)
              .set(ESCALATIONS.ENDED_AT, (OffsetDateTime) null)
              .where(ESCALATIONS.STATUS.ne(EscalationStatus.PAGING.name()))
              .execute();
      return written == 1 ? Start.STARTED : Start.ALREADY_PAGING;
    } catch (DataAccessException e) {
      if (UNIQUE_VIOLATION.equals(e.sqlState())) {
        return Start.REPLY_CODE_TAKEN;
      }
      throw e;
    }
  }

  public Optional<StoredEscalation> find(String id) {
    return db.selectFrom(ESCALATIONS)
        .where(ESCALATIONS.ID.eq(id))
        .fetchOptional()
        .map(EscalationStore::toEscalation);
  }

  /** The reply codes escalations still paging hold. */
  public Set<String> replyCodesInUse() {
    return db.select(ESCALATIONS.REPLY_CODE)
        .from(ESCALATIONS)
        .where(ESCALATIONS.REPLY_CODE.isNotNull())
        .fetchSet(ESCALATIONS.REPLY_CODE);
  }

  /**
   * Records who settled a paging escalation and frees its reply code; false when it was no longer
   * paging, so the first settlement is the one kept.
   */
  public boolean settle(String id, SettleAction action, String by, String via, Instant at) {
    EscalationStatus status =
        action == SettleAction.ACKNOWLEDGE ? EscalationStatus.ACKNOWLEDGED : EscalationStatus.RESOLVED;
    return db.update(ESCALATIONS)
            .set(ESCALATIONS.STATUS, status.name())
            .set(ESCALATIONS.SETTLED_ACTION, action.name())
            .set(ESCALATIONS.SETTLED_BY, by)
            .set(ESCALATIONS.SETTLED_VIA, via)
            .set(ESCALATIONS.SETTLED_AT, utc(at))
            .set(ESCALATIONS.ENDED_AT, utc(at))
            .setNull(ESCALATIONS.REPLY_CODE)
            .where(ESCALATIONS.ID.eq(id), ESCALATIONS.STATUS.eq(EscalationStatus.PAGING.name()))
            .execute()
        == 1;
  }

  /**
   * Marks the paging escalations of {@code scope} as stopping before their answer is handed to
   * Temporal, so that their waiting pages are withdrawn at once (see {@link PageStore#handOver}).
   * Tentative until {@link #confirmStop} or {@link #releaseStop}, and honoured only until {@code until}:
   * a process that dies in between cannot silence paging for good. A firm mark, or a tentative one still
   * in force, is kept as it is.
   */
  public void holdStop(StopScope scope, Instant at, Instant until) {
    // Locked in the order PageStore.handOver share-locks them, so the two cannot deadlock.
    CommonTableExpression<Record1<String>> locked =
        DSL.name("locked")
            .fields("id")
            .as(DSL.select(ESCALATIONS.ID).from(ESCALATIONS).where(paging(scope)).orderBy(ESCALATIONS.ID).forUpdate());
    db.with(locked)
        .update(ESCALATIONS)
        .set(ESCALATIONS.STOP_REQUESTED_AT, utc(at))
        .set(ESCALATIONS.STOP_TENTATIVE_UNTIL, utc(until))
        .where(
            ESCALATIONS.ID.in(DSL.select(locked.field(0, String.class)).from(locked)),
            ESCALATIONS.STOP_REQUESTED_AT.isNull().or(ESCALATIONS.STOP_TENTATIVE_UNTIL.lt(utc(at))))
        .execute();
  }

  /** Temporal took the answer: the marks of {@code scope} become firm, set at {@code at} where missing. */
  public void confirmStop(StopScope scope, Instant at) {
    db.update(ESCALATIONS)
        .set(ESCALATIONS.STOP_REQUESTED_AT, DSL.coalesce(ESCALATIONS.STOP_REQUESTED_AT, utc(at)))
        .setNull(ESCALATIONS.STOP_TENTATIVE_UNTIL)
        .where(paging(scope))
        .execute();
  }

  /** Temporal refused the answer: the tentative mark set at {@code at} goes, so paging goes on. */
  public void releaseStop(StopScope scope, Instant at) {
    db.update(ESCALATIONS)
        .setNull(ESCALATIONS.STOP_REQUESTED_AT)
        .setNull(ESCALATIONS.STOP_TENTATIVE_UNTIL)
        .where(
            paging(scope),
            ESCALATIONS.STOP_REQUESTED_AT.eq(utc(at)),
            ESCALATIONS.STOP_TENTATIVE_UNTIL.isNotNull())
        .execute();
  }

  private static Condition paging(StopScope scope) {
    Condition which =
        scope.escalationId() != null
            ? ESCALATIONS.ID.eq(scope.escalationId())
            : ESCALATIONS.INCIDENT_ID.eq(scope.incidentId());
    return which.and(ESCALATIONS.STATUS.eq(EscalationStatus.PAGING.name()));
  }

  /** Records that a paging escalation ran out and frees its reply code; a repeat changes nothing. */
  public void exhaust(String id, FinalAction action, Instant at) {
    db.update(ESCALATIONS)
        .set(ESCALATIONS.STATUS, EscalationStatus.EXHAUSTED.name())
        .set(ESCALATIONS.FINAL_ACTION, action.name())
        .set(ESCALATIONS.ENDED_AT, utc(at))
        .setNull(ESCALATIONS.REPLY_CODE)
        .where(ESCALATIONS.ID.eq(id), ESCALATIONS.STATUS.eq(EscalationStatus.PAGING.name()))
        .execute();
  }

  /**
   * Adds a line to the escalation's timeline, filed under its incident when it has one. A second note
   * with the same key (a retried activity) is ignored.
   */
  public void note(String escalationId, String noteKey, String kind, String detail, Instant at) {
    db.insertInto(ESCALATION_NOTES)
        .set(ESCALATION_NOTES.ESCALATION_ID, escalationId)
        .set(
            ESCALATION_NOTES.INCIDENT_ID,
            DSL.field(
                DSL.select(ESCALATIONS.INCIDENT_ID).from(ESCALATIONS).where(ESCALATIONS.ID.eq(escalationId))))
        .set(ESCALATION_NOTES.NOTE_KEY, noteKey)
        .set(ESCALATION_NOTES.AT, utc(at))
        .set(ESCALATION_NOTES.KIND, kind)
        .set(ESCALATION_NOTES.DETAIL, detail)
        .onConflictDoNothing()
        .execute();
  }

  /** The notes of every escalation of an incident, oldest first. */
  public List<EscalationNote> notesOfIncident(String incidentId) {
    return db.selectFrom(ESCALATION_NOTES)
        .where(ESCALATION_NOTES.INCIDENT_ID.eq(incidentId))
        .orderBy(ESCALATION_NOTES.AT, ESCALATION_NOTES.ID)
        .fetch(
            note ->
                new EscalationNote(
                    note.getEscalationId(), note.getIncidentId(), instant(note.getAt()), note.getKind(),
                    note.getDetail()));
  }

  private static StoredEscalation toEscalation(EscalationsRecord row) {
    return new StoredEscalation(
        row.getId(),
        row.getSubjectId(),
        row.getIncidentId(),
        row.getRunId(),
        row.getPolicy(),
        row.getPlan().data(),
        row.getReplyCode(),
        EscalationStatus.valueOf(row.getStatus()),
        instant(row.getStartedAt()),
        row.getSettledAction() == null ? null : SettleAction.valueOf(row.getSettledAction()),
        row.getSettledBy(),
        row.getSettledVia(),
        instant(row.getSettledAt()),
        row.getFinalAction() == null ? null : FinalAction.valueOf(row.getFinalAction()),
        instant(row.getEndedAt()),
        instant(row.getStopRequestedAt()));
  }
}
