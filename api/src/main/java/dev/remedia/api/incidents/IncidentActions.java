package dev.remedia.api.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.StoredIncident;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.workflows.incident.IncidentStatus;
import dev.remedia.workflows.incident.IncidentWorkflow;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges or resolves an incident for a person using the API. The incident workflow decides; this
 * refuses what it would ignore anyway (a closed incident, a second acknowledgement), so the caller
 * hears why instead of a silent success.
 */
@Singleton
public class IncidentActions {

  static final String VIA = "api";
  private static final int MAX_NAME_CHARS = 100;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(IncidentActions.class);

  private final ObjectMapper mapper = new ObjectMapper();
  private final IncidentStore incidents;
  private final WorkflowClient temporal;
  private final AuditLog audit;
  private final Clock clock;

  IncidentActions(IncidentStore incidents, WorkflowClient temporal, AuditLog audit) {
    this.incidents = incidents;
    this.temporal = temporal;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  /**
   * Hands the action to the incident's workflow.
   *
   * @param body optional JSON {@code {"by": "alice"}} naming who acts; "api" when absent
   */
  public SettleAccepted settle(String id, SettleAction action, String body, String remoteAddress) {
    String by = actor(body);
    StoredIncident incident = incident(id);
    refuseIfSettled(incident, action);
    Settlement settlement = new Settlement(action, by, VIA, clock.millis(), false);
    try {
      temporal
          .newUntypedWorkflowStub(incident.workflowId())
          .signal(IncidentWorkflow.SETTLE_SIGNAL, incident.id().toString(), settlement);
    } catch (WorkflowNotFoundException e) {
      throw ApiProblem.conflict("incident " + id + " is closed: there is nothing left to " + verb(action));
    } catch (WorkflowServiceException e) {
      throw ApiProblem.unavailable(
          "Temporal did not take the " + verb(action) + "; retry", RETRY_AFTER, e);
    }
    audited(incident, action, by, remoteAddress);
    return new SettleAccepted(incident.id().toString(), verb(action), by, VIA);
  }

  private StoredIncident incident(String id) {
    UUID incidentId;
    try {
      incidentId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("incident id '" + id + "' is not a UUID");
    }
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

  private String actor(String body) {
    if (body == null || body.isBlank()) {
      return VIA;
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      throw ApiProblem.badRequest("the body is not JSON: send {\"by\": \"<person>\"} or nothing");
    }
    if (json == null || !json.isObject()) {
      throw ApiProblem.badRequest("the body must be a JSON object like {\"by\": \"<person>\"}");
    }
    json.fieldNames()
        .forEachRemaining(
            field -> {
              if (!field.equals("by")) {
                throw ApiProblem.badRequest("unknown field '" + field + "': only 'by' is accepted");
              }
            });
    JsonNode by = json.get("by");
    if (by == null || by.isNull()) {
      return VIA;
    }
    if (!by.isTextual() || by.asText().isBlank()) {
      throw ApiProblem.badRequest("'by' must be a non-empty string naming who acts");
    }
    String name = by.asText().strip();
    if (name.length() > MAX_NAME_CHARS || name.chars().anyMatch(Character::isISOControl)) {
      throw ApiProblem.badRequest(
          "'by' must be at most " + MAX_NAME_CHARS + " characters without control characters");
    }
    return name;
  }

  private void audited(StoredIncident incident, SettleAction action, String by, String remoteAddress) {
    try {
      audit.append(
          new AuditEntry(
              clock.instant(), by, "incident." + verb(action), "incident", incident.id().toString(),
              remoteAddress, "requested", null));
    } catch (RuntimeException e) {
      LOG.error("Incident {} {} requested but its audit entry could not be written: {}", incident.id(), verb(action), e.getMessage());
    }
  }

  private static String verb(SettleAction action) {
    return action == SettleAction.ACKNOWLEDGE ? "acknowledge" : action.name().toLowerCase(Locale.ROOT);
  }
}
