package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.APPROVALS;
import static dev.remedia.activities.store.generated.Tables.APPROVAL_VOTES;

import dev.remedia.activities.TemporalJson;
import dev.remedia.activities.store.generated.tables.records.ApprovalsRecord;
import dev.remedia.workflows.approval.ApprovalGate;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.Decision;
import dev.remedia.workflows.approval.Vote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Approval gates and their votes. Every write is idempotent: a gate opens once by id, a vote lands
 * once per person, and a decision is recorded once.
 */
public final class ApprovalStore {

  private final DSLContext db;

  public ApprovalStore(DSLContext db) {
    this.db = db;
  }

  /**
   * Records a new gate and audits its request, in one transaction, so a crash between the two cannot
   * leave a gate whose request was never audited; a retry finds the gate there and changes nothing.
   *
   * @return whether this call recorded the gate
   */
  public boolean open(
      ApprovalGate gate, List<String> approvers, Instant createdAt, Instant deadline, AuditLog.AuditEntry requested) {
    ApprovalRequest request = gate.request();
    return db.transactionResult(
        tx -> {
          boolean opened =
              tx.dsl()
                      .insertInto(APPROVALS)
                      .set(APPROVALS.ID, gate.approvalId())
                      .set(APPROVALS.RUN_ID, gate.runId())
                      .set(APPROVALS.TITLE, request.title())
                      .set(APPROVALS.REQUEST, json(request))
                      .set(APPROVALS.APPROVER_GROUP, request.approvers())
                      .set(APPROVALS.APPROVERS, json(approvers))
                      .set(APPROVALS.REQUIRED, request.required())
                      .set(APPROVALS.REQUESTER, request.requester())
                      .set(APPROVALS.STATUS, ApprovalStatus.PENDING.name())
                      .set(APPROVALS.CREATED_AT, utc(createdAt))
                      .set(APPROVALS.DEADLINE_AT, utc(deadline))
                      .onConflict(APPROVALS.ID)
                      .doNothing()
                      .execute()
                  == 1;
          if (opened) {
            new AuditLog(tx.dsl()).append(requested);
          }
          return opened;
        });
  }

  /**
   * Records the Slack messages that asked a group: the request's own, or the escalation's. Each is
   * recorded once, so a retried ask that finds them asks nobody twice.
   */
  public void recordMessages(String id, boolean escalation, List<String> messages) {
    var column = escalation ? APPROVALS.ESCALATION_MESSAGES : APPROVALS.MESSAGES;
    db.update(APPROVALS).set(column, json(messages)).where(APPROVALS.ID.eq(id), column.isNull()).execute();
  }

  /** Adds the escalation group's people and moves the deadline; a retry adds nobody twice. */
  public void escalated(String id, List<String> morePeople, Instant deadline, Instant at) {
    find(id)
        .ifPresent(
            approval -> {
              LinkedHashSet<String> approvers = new LinkedHashSet<>(approval.approvers());
              approvers.addAll(morePeople);
              db.update(APPROVALS)
                  .set(APPROVALS.APPROVERS, json(List.copyOf(approvers)))
                  .set(APPROVALS.DEADLINE_AT, utc(deadline))
                  .set(APPROVALS.ESCALATED_AT, DSL.coalesce(APPROVALS.ESCALATED_AT, DSL.val(utc(at))))
                  .where(APPROVALS.ID.eq(id))
                  .execute();
            });
  }

  public void vote(String id, Decision decision) {
    db.insertInto(APPROVAL_VOTES)
        .set(APPROVAL_VOTES.APPROVAL_ID, id)
        .set(APPROVAL_VOTES.PERSON, decision.person())
        .set(APPROVAL_VOTES.VOTE, decision.vote().name())
        .set(APPROVAL_VOTES.REASON, decision.reason())
        .set(APPROVAL_VOTES.VIA, decision.via())
        .set(APPROVAL_VOTES.VOTED_AT, utc(Instant.ofEpochMilli(decision.atMillis())))
        .onConflict(APPROVAL_VOTES.APPROVAL_ID, APPROVAL_VOTES.PERSON)
        .doNothing()
        .execute();
  }

  /** Records the outcome of a pending gate; a gate already decided keeps its first outcome. */
  public void decide(String id, ApprovalStatus status, String outcomeText, Instant at) {
    db.update(APPROVALS)
        .set(APPROVALS.STATUS, status.name())
        .set(APPROVALS.OUTCOME, outcomeText)
        .set(APPROVALS.DECIDED_AT, utc(at))
        .where(APPROVALS.ID.eq(id), APPROVALS.STATUS.eq(ApprovalStatus.PENDING.name()))
        .execute();
  }

  public int countPending() {
    return db.fetchCount(APPROVALS, APPROVALS.STATUS.eq(ApprovalStatus.PENDING.name()));
  }

  public Optional<StoredApproval> find(String id) {
    return db.selectFrom(APPROVALS)
        .where(APPROVALS.ID.eq(id))
        .fetchOptional()
        .map(row -> toApproval(row, votes(List.of(id)).getOrDefault(id, List.of())));
  }

  public ApprovalListing list(ApprovalQuery query) {
    List<Condition> conditions = new ArrayList<>();
    if (query.status() != null) {
      conditions.add(APPROVALS.STATUS.eq(query.status().name()));
    }
    if (query.after() != null) {
      conditions.add(DSL.row(APPROVALS.CREATED_AT, APPROVALS.ID).lt(utc(query.after().at()), query.after().id()));
    }
    List<ApprovalsRecord> rows =
        db.selectFrom(APPROVALS)
            .where(conditions)
            .orderBy(APPROVALS.CREATED_AT.desc(), APPROVALS.ID.desc())
            .limit(query.limit() + 1)
            .fetch();
    Map<String, List<Decision>> votes = votes(rows.stream().map(ApprovalsRecord::getId).toList());
    List<StoredApproval> approvals =
        rows.stream().map(row -> toApproval(row, votes.getOrDefault(row.getId(), List.of()))).toList();
    return Keyset.page(
        approvals, query.limit(), last -> new PageCursor(last.createdAt(), last.id()), ApprovalListing::new);
  }

  private Map<String, List<Decision>> votes(List<String> ids) {
    return db.selectFrom(APPROVAL_VOTES)
        .where(APPROVAL_VOTES.APPROVAL_ID.in(ids))
        .orderBy(APPROVAL_VOTES.VOTED_AT, APPROVAL_VOTES.PERSON)
        .fetch()
        .stream()
        .collect(
            Collectors.groupingBy(
                row -> row.getApprovalId(),
                Collectors.mapping(
                    row ->
                        new Decision(
                            row.getPerson(), Vote.valueOf(row.getVote()), row.getReason(), row.getVia(),
                            row.getVotedAt().toInstant().toEpochMilli()),
                    Collectors.toList())));
  }

  private static StoredApproval toApproval(ApprovalsRecord row, List<Decision> votes) {
    return new StoredApproval(
        row.getId(),
        row.getRunId(),
        TemporalJson.read(row.getRequest().data(), ApprovalRequest.class),
        strings(row.getApprovers()),
        ApprovalStatus.valueOf(row.getStatus()),
        instant(row.getCreatedAt()),
        instant(row.getDeadlineAt()),
        instant(row.getEscalatedAt()),
        instant(row.getDecidedAt()),
        row.getOutcome(),
        row.getMessages() == null ? null : strings(row.getMessages()),
        row.getEscalationMessages() == null ? null : strings(row.getEscalationMessages()),
        votes);
  }

  private static JSONB json(Object value) {
    return JSONB.valueOf(TemporalJson.write(value));
  }

  private static List<String> strings(JSONB json) {
    return List.of(TemporalJson.read(json.data(), String[].class));
  }
}
