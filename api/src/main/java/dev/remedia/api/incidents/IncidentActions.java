package dev.remedia.api.incidents;

import dev.remedia.activities.paging.StopRequests;
import dev.remedia.activities.paging.StopRequests.StopRequest;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.StoredIncident;
import dev.remedia.api.access.Actor;
import dev.remedia.api.access.Caller;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.ActorBody;
import dev.remedia.api.requests.Ids;
import dev.remedia.workflows.incident.IncidentStatus;
import dev.remedia.workflows.incident.IncidentWorkflow;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Acknowledges or resolves an incident for a person using the API. The incident workflow decides; this
 * refuses what it would ignore anyway (a closed incident, a second acknowledgement), so the caller
 * hears why instead of a silent success.
 */
@Singleton
public class IncidentActions {

  static final String VIA = "api";
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final IncidentStore incidents;
  private final WorkflowClient temporal;
  private final AuditTrail audit;
  private final StopRequests stopRequests;

  IncidentActions(IncidentStore incidents, WorkflowClient temporal, AuditTrail audit, PagingStores paging) {
    this.incidents = incidents;
    this.temporal = temporal;
    this.audit = audit;
    this.stopRequests = new StopRequests(paging, Clock.systemUTC());
  }

  /**
   * Hands the action to the incident's workflow.
   *
   * @param body optional JSON {@code {"by": "alice"}} naming who acts; when absent, the caller's person,
   *     or its token ({@code token:<name>})
   * @throws ApiProblem 403 when the body names someone the caller may not act for
   */
  public SettleAccepted settle(String id, SettleAction action, String body, Caller caller, String remoteAddress) {
    Actor actor = caller.acting(ActorBody.by(body));
    String by = actor.name();
    String auditedAction = "incident." + verb(action);
    StoredIncident incident;
    try {
      incident = incident(id);
      refuseIfSettled(incident, action);
      signal(incident, action, by);
    } catch (ApiProblem problem) {
      // Only an id that is a UUID can name an incident, in the answer and in the audit log alike.
      Ids.uuid(id).ifPresent(
          uuid -> audit.refused(actor, auditedAction, "incident", uuid.toString(), remoteAddress, problem));
      throw problem;
    }
    String incidentId = incident.id().toString();
    audit.record(actor, auditedAction, "incident", incidentId, remoteAddress, "requested", Map.of());
    return new SettleAccepted(incidentId, verb(action), by, VIA);
  }

  private void signal(StoredIncident incident, SettleAction action, String by) {
    StopRequest stop = stopRequests.forIncident(incident.id().toString());
    Settlement settlement = new Settlement(action, by, VIA, stop.at().toEpochMilli(), false);
    try {
      temporal
          .newUntypedWorkflowStub(incident.workflowId())
          .signal(IncidentWorkflow.SETTLE_SIGNAL, incident.id().toString(), settlement);
    } catch (WorkflowNotFoundException e) {
      stop.refused();
      throw ApiProblem.conflict(
          "incident " + incident.id() + " is closed: there is nothing left to " + verb(action));
    } catch (WorkflowServiceException e) {
      stop.refused();
      throw ApiProblem.unavailable(
          "Temporal did not take the " + verb(action) + "; retry", RETRY_AFTER, e);
    }
    stop.taken();
  }

  private StoredIncident incident(String id) {
    UUID incidentId =
        Ids.uuid(id).orElseThrow(() -> ApiProblem.badRequest("incident id '" + id + "' is not a UUID"));
    return incidents
        .find(incidentId)
        .orElseThrow(() -> ApiProblem.notFound("no incident with id '" + id + "'"));
  }

  /** The read model may lag the workflow by a moment; the workflow ignores what slips through. */
  private static void refuseIfSettled(StoredIncident incident, SettleAction action) {
    IncidentStatus status = IncidentStatus.valueOf(incident.status());
    if (status == IncidentStatus.CLOSED) {
      throw ApiProblem.conflict("incident " + incident.id() + " is closed");
    }
    if (status == IncidentStatus.RESOLVED) {
      throw ApiProblem.conflict(
          "incident " + incident.id() + " is already resolved"
              + settledBy(incident.resolvedBy(), incident.resolvedVia()));
    }
    if (action == SettleAction.ACKNOWLEDGE && status == IncidentStatus.ACKNOWLEDGED) {
      throw ApiProblem.conflict(
          "incident " + incident.id() + " is already acknowledged"
              + settledBy(incident.acknowledgedBy(), incident.acknowledgedVia())
              + " at " + incident.acknowledgedAt());
    }
  }

  private static String settledBy(String by, String via) {
    return by == null ? "" : " by " + by + " via " + via;
  }

  private static String verb(SettleAction action) {
    return action == SettleAction.ACKNOWLEDGE ? "acknowledge" : action.name().toLowerCase(Locale.ROOT);
  }
}
