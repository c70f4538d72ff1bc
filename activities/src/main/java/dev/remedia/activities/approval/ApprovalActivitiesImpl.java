package dev.remedia.activities.approval;

import dev.remedia.activities.TemporalJson;
import dev.remedia.activities.oncall.ApproverGroup;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.store.ApprovalStore;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.StoredApproval;
import dev.remedia.workflows.approval.ApprovalActivities;
import dev.remedia.workflows.approval.ApprovalGate;
import dev.remedia.workflows.approval.ApprovalOutcome;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.ApprovalStatus;
import dev.remedia.workflows.approval.Decision;
import dev.remedia.workflows.runbook.FailureType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The gate's side effects: the read model and the Slack messages that ask. The request is recorded,
 * and the gate knows who may vote, before anyone is asked; a group is asked only while no message to
 * it is recorded, so a retried activity asks once unless it failed before recording what it posted.
 */
public final class ApprovalActivitiesImpl implements ApprovalActivities {

  private final ApprovalStore store;
  private final Supplier<OnCallDirectory> directory;
  private final ApprovalMessenger messenger;
  private final ApprovalLinks links;
  private final AuditLog audit;
  private final Clock clock;

  public ApprovalActivitiesImpl(
      ApprovalStore store,
      Supplier<OnCallDirectory> directory,
      ApprovalMessenger messenger,
      ApprovalLinks links,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.messenger = messenger;
    this.links = links;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<String> opened(ApprovalGate gate, long deadlineAtMillis) {
    ApproverGroup group = group(gate.request().approvers());
    List<String> approvers = names(directory.get().approvers(group, clock.instant()));
    refuseIfUnanswerable(gate, approvers);
    AuditEntry requested =
        entry(gate.approvalId(), requester(gate), "approval.requested", "pending",
            "{\"title\": " + quote(gate.request().title()) + ", \"group\": " + quote(group.name())
                + ", \"required\": " + gate.request().required() + "}");
    if (store.open(gate, approvers, clock.instant(), Instant.ofEpochMilli(deadlineAtMillis), requested)) {
      return approvers;
    }
    // A retry: the people resolved when the gate opened stand, whoever is on call now.
    return store.find(gate.approvalId()).orElseThrow().approvers();
  }

  /**
   * A gate that too few people may decide could only expire; without an escalation group to add more
   * people, it fails at once and says why, rather than waiting out its deadline in silence.
   */
  private static void refuseIfUnanswerable(ApprovalGate gate, List<String> approvers) {
    ApprovalRequest request = gate.request();
    long voters = approvers.stream().filter(name -> !name.equals(request.requester())).count();
    if (voters < request.required() && request.escalateTo() == null) {
      throw FailureType.INVALID_INPUT.permanent(
          "approver group '" + request.approvers() + "' has " + voters + " people who may decide"
              + (request.requester() == null ? "" : " besides the requester") + ", fewer than the "
              + request.required() + " approvals needed");
    }
  }

  @Override
  public List<String> escalated(String approvalId, String groupName, long deadlineAtMillis) {
    ApproverGroup group = group(groupName);
    List<Person> people = directory.get().approvers(group, clock.instant());
    store.escalated(approvalId, names(people), Instant.ofEpochMilli(deadlineAtMillis), clock.instant());
    return names(people);
  }

  @Override
  public void ask(String approvalId, String groupName) {
    StoredApproval approval = store.find(approvalId).orElseThrow();
    boolean escalation = !groupName.equals(approval.request().approvers());
    if ((escalation ? approval.escalationMessages() : approval.messages()) != null) {
      return;
    }
    ApproverGroup group = group(groupName);
    // Only people the gate lets vote are asked, even if a schedule handed over since it opened.
    List<Person> people =
        directory.get().approvers(group, clock.instant()).stream()
            .filter(person -> approval.approvers().contains(person.name()))
            .toList();
    store.recordMessages(approvalId, escalation, messenger.ask(notice(approval), group.slackChannel(), people));
  }

  @Override
  public void voted(String approvalId, Decision decision) {
    store.vote(approvalId, decision);
  }

  @Override
  public void decided(String approvalId, ApprovalOutcome outcome) {
    StoredApproval approval = store.find(approvalId).orElseThrow();
    if (approval.status() == ApprovalStatus.PENDING) {
      store.decide(approvalId, outcome.status(), outcome.describe(), clock.instant());
      // Votes are audited where they are cast; an outcome nobody voted for is audited here.
      if (outcome.status() == ApprovalStatus.EXPIRED || outcome.status() == ApprovalStatus.CANCELLED) {
        audited(approvalId, "remedia", "approval." + outcome.status().name().toLowerCase(Locale.ROOT),
            outcome.status().name().toLowerCase(Locale.ROOT), null);
      }
    }
    messenger.show(notice(approval), outcome, approval.allMessages());
  }

  /** A group missing from the configuration cannot come back by retrying: the gate fails at once. */
  private ApproverGroup group(String name) {
    return directory
        .get()
        .approverGroup(name)
        .orElseThrow(() -> FailureType.INVALID_INPUT.permanent("no approver group named '" + name + "'"));
  }

  private ApprovalNotice notice(StoredApproval approval) {
    return new ApprovalNotice(
        approval.id(), approval.runId(), approval.request(), approval.deadlineAt(), links.approval(approval.id()));
  }

  private void audited(String approvalId, String actor, String action, String outcome, String detailJson) {
    audit.append(entry(approvalId, actor, action, outcome, detailJson));
  }

  private AuditEntry entry(String approvalId, String actor, String action, String outcome, String detailJson) {
    return new AuditEntry(clock.instant(), actor, action, "approval", approvalId, null, outcome, detailJson);
  }

  /** The requester if the runbook named one, else the run on whose behalf the gate asks. */
  private static String requester(ApprovalGate gate) {
    if (gate.request().requester() != null) {
      return gate.request().requester();
    }
    return gate.runId() == null ? "remedia" : "run:" + gate.runId();
  }

  private static String quote(String text) {
    return TemporalJson.write(text);
  }

  private static List<String> names(List<Person> people) {
    return people.stream().map(Person::name).toList();
  }
}
