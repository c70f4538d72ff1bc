package dev.remedia.activities.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.oncall.ApproverGroup;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.store.ApprovalQuery;
import dev.remedia.activities.store.ApprovalStore;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.StoredApproval;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.approval.ApprovalGate;
import dev.remedia.workflows.approval.ApprovalOutcome;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.Decision;
import dev.remedia.workflows.approval.Vote;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageTarget;
import dev.remedia.workflows.paging.TargetKind;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gate's side effects against a real PostgreSQL, with a messenger that records what it was asked. */
@Timeout(60)
class ApprovalActivitiesImplTest {

  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

  private final ApprovalStore store = new ApprovalStore(TestDatabases.shared().dsl());
  private final AuditLog audit = new AuditLog(TestDatabases.shared().dsl());
  private final RecordingMessenger messenger = new RecordingMessenger();
  private final OnCallDirectory directory =
      new OnCallDirectory(
          List.of(person("alice", "U0ALICE01"), person("bob", "U0BOB0001"), person("dave", null)),
          List.of(),
          List.of(),
          List.of(
              new ApproverGroup("leads", List.of(member("alice"), member("bob"), member("alice")), "C0LEADS01"),
              new ApproverGroup("managers", List.of(member("dave")), null)));
  private final ApprovalActivitiesImpl activities =
      new ApprovalActivitiesImpl(
          store, () -> directory, messenger, new ApprovalLinks("https://remedia.example.net/"), audit,
          Clock.fixed(T0, ZoneOffset.UTC));

  @Test
  void openingRecordsAsksOnceAndAuditsTheRequest() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash 4.2 on 1,200 gateways", "wave 1 ok", "leads").requestedBy("carol"));

    assertEquals(List.of("alice", "bob"), activities.opened(gate, T0.plusSeconds(3600).toEpochMilli()));
    assertEquals(List.of(), messenger.asked, "someone was asked before the gate knew who may vote");
    assertEquals(List.of("alice", "bob"), activities.opened(gate, T0.plusSeconds(3600).toEpochMilli()));
    activities.ask(gate.approvalId(), "leads");
    activities.ask(gate.approvalId(), "leads");

    assertEquals(1, messenger.asked.size(), "a retried opening asked again");
    assertEquals("C0LEADS01", messenger.asked.get(0).channel());
    assertEquals("https://remedia.example.net/api/approvals/" + gate.approvalId(), messenger.asked.get(0).notice().link());
    StoredApproval stored = store.find(gate.approvalId()).orElseThrow();
    assertEquals(ApprovalStatus.PENDING, stored.status());
    assertEquals(T0.plusSeconds(3600), stored.deadlineAt());
    assertEquals(List.of("C0LEADS01:1"), stored.messages());
    assertEquals(List.of("carol approval.requested"), audited(gate));
    assertTrue(store.list(new ApprovalQuery(ApprovalStatus.PENDING, 200, null)).approvals().stream()
        .anyMatch(a -> a.id().equals(gate.approvalId())));
  }

  @Test
  void anEscalationAddsTheOtherGroupAsksItOnceAndMovesTheDeadline() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash", null, "leads"));
    activities.opened(gate, T0.plusSeconds(60).toEpochMilli());
    activities.ask(gate.approvalId(), "leads");

    assertEquals(List.of("dave"), activities.escalated(gate.approvalId(), "managers", T0.plusSeconds(7200).toEpochMilli()));
    activities.escalated(gate.approvalId(), "managers", T0.plusSeconds(7200).toEpochMilli());
    activities.ask(gate.approvalId(), "managers");
    activities.ask(gate.approvalId(), "managers");

    StoredApproval stored = store.find(gate.approvalId()).orElseThrow();
    assertEquals(List.of("alice", "bob", "dave"), stored.approvers());
    assertEquals(T0.plusSeconds(7200), stored.deadlineAt());
    assertEquals(2, messenger.asked.size());
    assertEquals(null, messenger.asked.get(1).channel());
  }

  @Test
  void votesAndTheOutcomeAreRecordedOnceAndShownOnEveryMessage() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash", null, "leads").needing(2));
    activities.opened(gate, T0.plusSeconds(60).toEpochMilli());
    activities.ask(gate.approvalId(), "leads");
    Decision alice = new Decision("alice", Vote.APPROVE, null, "slack", T0.toEpochMilli());
    Decision bob = new Decision("bob", Vote.APPROVE, "fine", "api", T0.plusSeconds(5).toEpochMilli());
    activities.voted(gate.approvalId(), alice);
    activities.voted(gate.approvalId(), alice);
    activities.voted(gate.approvalId(), bob);
    ApprovalOutcome outcome = new ApprovalOutcome(gate.approvalId(), ApprovalStatus.APPROVED, List.of(alice, bob), null);

    activities.decided(gate.approvalId(), outcome);
    activities.decided(gate.approvalId(), new ApprovalOutcome(gate.approvalId(), ApprovalStatus.EXPIRED, List.of(), "late"));

    StoredApproval stored = store.find(gate.approvalId()).orElseThrow();
    assertEquals(List.of(alice, bob), stored.votes());
    assertEquals(ApprovalStatus.APPROVED, stored.status());
    assertEquals("APPROVED by alice via slack, bob via api", stored.outcomeText());
    assertEquals(List.of("C0LEADS01:1"), messenger.shown.get(0));
  }

  @Test
  void anExpiryIsAuditedAsRemedias() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash", null, "leads"));
    activities.opened(gate, T0.plusSeconds(60).toEpochMilli());

    activities.decided(gate.approvalId(), new ApprovalOutcome(gate.approvalId(), ApprovalStatus.EXPIRED, List.of(), "nobody decided by the deadline"));

    assertEquals(List.of("run:run-1 approval.requested", "remedia approval.expired"), audited(gate));
  }

  @Test
  void aGateTooFewPeopleMayDecideFailsAtOnceAndSaysWhy() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash", null, "leads").needing(2).requestedBy("alice"));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> activities.opened(gate, T0.toEpochMilli()));

    assertTrue(failure.isNonRetryable());
    assertEquals(
        "approver group 'leads' has 1 people who may decide besides the requester, fewer than the 2 approvals needed",
        failure.getOriginalMessage());
    assertTrue(store.find(gate.approvalId()).isEmpty(), "an unanswerable gate was recorded");
  }

  @Test
  void anUnknownGroupFailsTheGateForGood() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash", null, "nobody"));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> activities.opened(gate, T0.toEpochMilli()));

    assertTrue(failure.isNonRetryable());
    assertEquals("no approver group named 'nobody'", failure.getOriginalMessage());
  }

  /** The gate and the audit of its request are written together: a failure between them leaves neither. */
  @Test
  void aGateIsNeverRecordedWithoutTheAuditOfItsRequest() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash", null, "leads"));
    AuditLog.AuditEntry unwritable =
        new AuditLog.AuditEntry(T0, "carol", "approval.requested", "approval", gate.approvalId(), null, "pending", "{not json");

    assertThrows(
        RuntimeException.class,
        () -> store.open(gate, List.of("alice"), T0, T0.plusSeconds(60), unwritable));
    assertTrue(store.find(gate.approvalId()).isEmpty(), "the gate was recorded without its audit entry");

    assertEquals(List.of("alice", "bob"), activities.opened(gate, T0.plusSeconds(3600).toEpochMilli()));
    assertEquals(List.of("alice", "bob"), activities.opened(gate, T0.plusSeconds(3600).toEpochMilli()));
    assertEquals(List.of("run:run-1 approval.requested"), audited(gate));
  }

  /** A stored request that no longer reads is a bug a retry cannot mend: the activity fails for good. */
  @Test
  void aStoredRequestThatNoLongerReadsFailsTheGateForGood() {
    ApprovalGate gate = gate(ApprovalRequest.of("Wave 2", "Flash", null, "leads"));
    activities.opened(gate, T0.plusSeconds(3600).toEpochMilli());
    var db = TestDatabases.shared().dsl();
    // Other tests list every pending gate of the shared database, so the row is mended afterwards.
    String stored = String.valueOf(db.fetchValue("select request::text from approvals where id = ?", gate.approvalId()));
    ApplicationFailure failure;
    try {
      db.execute("update approvals set request = '{\"title\": \"Wave 2\"}'::jsonb where id = ?", gate.approvalId());
      failure = assertThrows(ApplicationFailure.class, () -> activities.ask(gate.approvalId(), "leads"));
    } finally {
      db.execute("update approvals set request = ?::jsonb where id = ?", stored, gate.approvalId());
    }

    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().startsWith("cannot read stored JSON"), failure.getOriginalMessage());
  }

  private List<String> audited(ApprovalGate gate) {
    return audit.forObject("approval", gate.approvalId()).stream().map(e -> e.actor() + " " + e.action()).toList();
  }

  private static ApprovalGate gate(ApprovalRequest request) {
    return new ApprovalGate(UUID.randomUUID().toString(), "run-1", request);
  }

  private static Person person(String name, String slack) {
    return new Person(name, slack, null, List.of(PageChannel.SLACK), null);
  }

  private static PageTarget member(String name) {
    return new PageTarget(TargetKind.PERSON, name);
  }

  private static final class RecordingMessenger implements ApprovalMessenger {

    record Asked(ApprovalNotice notice, String channel, List<Person> approvers) {}

    final List<Asked> asked = new ArrayList<>();
    final List<List<String>> shown = new ArrayList<>();

    @Override
    public List<String> ask(ApprovalNotice notice, String channel, List<Person> approvers) {
      asked.add(new Asked(notice, channel, approvers));
      return List.of((channel == null ? "D0DAVE" : channel) + ":" + asked.size());
    }

    @Override
    public void show(ApprovalNotice notice, ApprovalOutcome outcome, List<String> messages) {
      shown.add(messages);
    }
  }
}
