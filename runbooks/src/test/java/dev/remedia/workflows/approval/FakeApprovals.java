package dev.remedia.workflows.approval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Approval activities for workflow tests: groups are fixed lists of people; every call is recorded. */
public final class FakeApprovals implements ApprovalActivities {

  private final Map<String, List<String>> groups;
  private final List<String> opened = Collections.synchronizedList(new ArrayList<>());
  private final List<String> escalated = Collections.synchronizedList(new ArrayList<>());
  private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
  private final List<Decision> votes = Collections.synchronizedList(new ArrayList<>());
  private final List<ApprovalOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private volatile CountDownLatch openedHeld;

  public FakeApprovals(Map<String, List<String>> groups) {
    this.groups = groups;
  }

  @Override
  public List<String> opened(ApprovalGate gate, long deadlineAtMillis) {
    opened.add(gate.approvalId());
    CountDownLatch held = openedHeld;
    if (held != null) {
      try {
        held.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return groups.get(gate.request().approvers());
  }

  @Override
  public List<String> escalated(String approvalId, String group, long deadlineAtMillis) {
    escalated.add(group);
    return groups.get(group);
  }

  @Override
  public void ask(String approvalId, String group) {
    asked.add(group);
  }

  @Override
  public void voted(String approvalId, Decision decision) {
    votes.add(decision);
  }

  @Override
  public void decided(String approvalId, ApprovalOutcome outcome) {
    outcomes.add(outcome);
  }

  /** Makes {@link #opened} wait until the latch opens, so a test can act while it runs. */
  public void holdOpened(CountDownLatch latch) {
    openedHeld = latch;
  }

  public List<String> opened() {
    return List.copyOf(opened);
  }

  public List<String> escalated() {
    return List.copyOf(escalated);
  }

  /** The groups asked, in order. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  public List<Decision> votes() {
    return List.copyOf(votes);
  }

  public List<ApprovalOutcome> outcomes() {
    return List.copyOf(outcomes);
  }
}
