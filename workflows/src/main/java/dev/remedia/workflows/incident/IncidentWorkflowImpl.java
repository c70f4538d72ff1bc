package dev.remedia.workflows.incident;

import dev.remedia.workflows.incident.IncidentJournalActivities.RunLink;
import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.paging.Escalations;
import dev.remedia.workflows.paging.Settlement;
import dev.remedia.workflows.runbook.Failures;
import dev.remedia.workflows.runbook.JournalOptions;
import dev.remedia.workflows.runbook.RunClaimActivities;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ChildWorkflowStub;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Signals only queue batches; the workflow's own loop handles them, so no alert is handled halfway when
 * the workflow closes or continues as new: whatever is queued then travels to the next execution.
 */
public class IncidentWorkflowImpl implements IncidentWorkflow {

  /** Continue as new well before Temporal's history limits; an incident may run for weeks. */
  static final int MAX_HISTORY_EVENTS = 2_000;

  static final String PAGING_CHANGE = "paging";

  // An incident must outlive a read-model outage of any length: its journal retries without end.
  private final IncidentJournalActivities journal =
      Workflow.newLocalActivityStub(
          IncidentJournalActivities.class, JournalOptions.retryingWithoutEnd());
  private final Deque<AlertBatch> inbox = new ArrayDeque<>();
  private final Deque<AddressedSettlement> settlements = new ArrayDeque<>();

  @Override
  public void alerts(AlertBatch batch) {
    inbox.add(batch);
  }

  @Override
  public void settle(String incidentId, Settlement settlement) {
    settlements.add(new AddressedSettlement(incidentId, settlement));
  }

  @Override
  public void run(IncidentState carried) {
    if (carried != null) {
      List<AlertBatch> arrived = drainInbox();
      inbox.addAll(carried.pending());
      inbox.addAll(arrived);
      List<AddressedSettlement> arrivedSettlements = drainSettlements();
      for (Settlement settlement : carried.pendingSettlements()) {
        settlements.add(new AddressedSettlement(carried.incidentId(), settlement));
      }
      settlements.addAll(arrivedSettlements);
    }
    IncidentModel incident =
        carried != null && carried.incidentId() != null
            ? IncidentModel.resume(carried)
            : openFromInbox(carried == null ? null : carried.previousIncidentId());
    if (incident == null) {
      return;
    }
    while (true) {
      if (!awaitAlertsOrClose(incident)) {
        incident.close(now());
        journal.record(incident.takeRecord(Workflow.getInfo().getHistoryLength()));
        if (inbox.isEmpty()) {
          return;
        }
        Workflow.continueAsNew(IncidentState.afterClose(incident.incidentId(), drainInbox()));
      }
      // Handle first, then continue: the state carried over stays small because the alerts are folded
      // into it. Continuing before handling would carry every queued batch, and while a storm of
      // signals keeps Temporal refusing the continuation, that grows past the size a payload may have.
      handle(incident, drainInbox());
      if (historyIsLong()) {
        Workflow.continueAsNew(incident.toState(drainInbox(), settlementsFor(incident)));
      }
    }
  }

  /**
   * Waits for the first batch with a firing alert and opens the incident with it. Resolutions that
   * come before (late ones for an incident that just closed) are linked to that incident; if nothing
   * fires, there is no incident and the execution ends.
   */
  private IncidentModel openFromInbox(String previousIncidentId) {
    Workflow.await(() -> !inbox.isEmpty());
    while (!inbox.isEmpty()) {
      AlertBatch batch = inbox.poll();
      if (IncidentModel.hasFiring(batch)) {
        String workflowId = Workflow.getInfo().getWorkflowId();
        IncidentModel incident =
            IncidentModel.open(Workflow.randomUUID().toString(), workflowId, batch, now());
        journal.record(incident.takeRecord(Workflow.getInfo().getHistoryLength()));
        startRunbook(incident);
        handle(incident, drainInbox());
        return incident;
      }
      if (previousIncidentId != null) {
        journal.linkAlerts(
            previousIncidentId, batch.alerts().stream().map(AlertNotice::alertId).toList());
      }
    }
    return null;
  }

  /** Whether something arrived; false when a resolved incident's flap window passed in silence. */
  private boolean awaitAlertsOrClose(IncidentModel incident) {
    if (incident.status() != IncidentStatus.RESOLVED) {
      Workflow.await(this::somethingArrived);
      return true;
    }
    long remaining = incident.closesAtMillis() - now();
    if (remaining > 0) {
      Workflow.await(Duration.ofMillis(remaining), this::somethingArrived);
    }
    return somethingArrived();
  }

  private boolean somethingArrived() {
    return !inbox.isEmpty() || !settlements.isEmpty();
  }

  private void handle(IncidentModel incident, List<AlertBatch> batches) {
    for (AlertBatch batch : batches) {
      incident.apply(batch, now());
    }
    for (Settlement settlement : settlementsFor(incident)) {
      incident.settle(settlement, now());
    }
    if (incident.needsPaging() && pagingIsSupported()) {
      startPaging(incident);
    }
    if (incident.changed()) {
      journal.record(incident.takeRecord(Workflow.getInfo().getHistoryLength()));
    }
    for (Settlement settlement : incident.takeForwards()) {
      Escalations.stop(incident.escalationWorkflowId(), settlement);
    }
  }

  /** Starts the route's escalation; acknowledgements and resolutions stop it by signal. */
  private void startPaging(IncidentModel incident) {
    String subject = incident.startPaging(now());
    try {
      Escalations.start(
          new EscalationRequest(
              subject, incident.incidentId(), incident.workflowId(), null,
              incident.route().escalationPolicy(), incident.summary(), incident.severity().name(),
              incident.link()));
    } catch (TemporalFailure failure) {
      incident.event(now(), "paging-not-started", Failures.reason(failure));
    }
  }

  /**
   * Incidents that began before paging existed replay without it: starting an escalation in the middle
   * of their recorded history would not match it.
   */
  private static boolean pagingIsSupported() {
    return Workflow.getVersion(PAGING_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /**
   * Starts the routed runbook as a child that outlives the incident: a runbook fixing the problem must
   * not be cancelled because the monitor resolved first.
   */
  private void startRunbook(IncidentModel incident) {
    RouteDecision route = incident.route();
    if (route.runbook() == null) {
      return;
    }
    if (route.inputProblem() != null) {
      incident.event(now(), "runbook-not-started", route.runbook() + ": " + route.inputProblem());
      journal.record(incident.takeRecord(Workflow.getInfo().getHistoryLength()));
      return;
    }
    String runId = route.runbook() + "-" + Workflow.randomUUID();
    if (route.exclusiveKey() != null) {
      String holder = claimedRun(route.exclusiveKey(), runId);
      if (!holder.equals(runId)) {
        incident.event(now(), "runbook-joined", holder + " already runs for " + route.exclusiveKey());
        journal.record(incident.takeRecord(Workflow.getInfo().getHistoryLength()));
        return;
      }
    }
    journal.runStarted(
        new RunLink(incident.incidentId(), runId, route.runbook(), route.runbookInput(), now()));
    ChildWorkflowStub child =
        Workflow.newUntypedChildWorkflowStub(
            route.runbook(),
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(runId)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
    child.executeAsync(Object.class, route.runbookInput());
    try {
      child.getExecution().get();
      incident.event(now(), "runbook-started", runId);
    } catch (TemporalFailure failure) {
      incident.event(now(), "runbook-not-started", runId + ": " + Failures.reason(failure));
    }
    journal.record(incident.takeRecord(Workflow.getInfo().getHistoryLength()));
  }

  /** The run holding an exclusive key: this run when the claim succeeds, another when one is running. */
  private static String claimedRun(String key, String runId) {
    return Workflow.newLocalActivityStub(RunClaimActivities.class, JournalOptions.retryingWithoutEnd())
        .claim(new RunClaimActivities.Claim(key, runId));
  }

  private List<AlertBatch> drainInbox() {
    List<AlertBatch> batches = new ArrayList<>(inbox);
    inbox.clear();
    return batches;
  }

  private List<AddressedSettlement> drainSettlements() {
    List<AddressedSettlement> drained = new ArrayList<>(settlements);
    settlements.clear();
    return drained;
  }

  /** The queued settlements meant for this incident; those for an earlier, closed one are dropped. */
  private List<Settlement> settlementsFor(IncidentModel incident) {
    return drainSettlements().stream()
        .filter(s -> incident.incidentId().equals(s.incidentId()))
        .map(AddressedSettlement::settlement)
        .toList();
  }

  private record AddressedSettlement(String incidentId, Settlement settlement) {}

  private static boolean historyIsLong() {
    return Workflow.getInfo().getHistoryLength() > MAX_HISTORY_EVENTS
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
