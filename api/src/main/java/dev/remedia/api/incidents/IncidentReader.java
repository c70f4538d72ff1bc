package dev.remedia.api.incidents;

import dev.remedia.activities.store.AlertStore;
import dev.remedia.activities.store.IncidentPage;
import dev.remedia.activities.store.IncidentQuery;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.NewAlert;
import dev.remedia.activities.store.RunStore;
import dev.remedia.activities.store.StoredAlert;
import dev.remedia.activities.store.StoredEscalation;
import dev.remedia.activities.store.StoredIncident;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.api.paging.PageReader;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.query.QueryParameters;
import dev.remedia.api.query.StoredJson;
import dev.remedia.api.requests.Ids;
import dev.remedia.api.runs.RunSummary;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.workflows.incident.IncidentStatus;
import dev.remedia.workflows.incident.Severity;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Answers incident and alert queries from the read model. */
@Singleton
class IncidentReader {

  /** An incident's page shows its newest alerts; older ones stay reachable by id. */
  static final int ALERTS_SHOWN = 100;

  private final IncidentStore incidents;
  private final AlertStore alerts;
  private final RunStore runs;
  private final StoredJson json;
  private final PageReader pages;
  private final PagingStores paging;

  IncidentReader(
      IncidentStore incidents,
      AlertStore alerts,
      RunStore runs,
      StoredJson json,
      PageReader pages,
      PagingStores paging) {
    this.incidents = incidents;
    this.alerts = alerts;
    this.runs = runs;
    this.json = json;
    this.pages = pages;
    this.paging = paging;
  }

  IncidentSummary.Page list(
      String status, String source, String severity, String from, String to, String limit, String cursor) {
    IncidentStatus statusFilter = QueryParameters.oneOf("status", status, IncidentStatus.class);
    WebhookSource sourceFilter = QueryParameters.oneOf("source", source, WebhookSource.class);
    Severity severityFilter = QueryParameters.oneOf("severity", severity, Severity.class);
    Instant openedFrom = QueryParameters.storedInstant("from", from);
    Instant openedBefore = QueryParameters.storedInstant("to", to);
    IncidentQuery query =
        new IncidentQuery(
            statusFilter == null ? null : statusFilter.name(),
            sourceFilter == null ? null : sourceFilter.id(),
            severityFilter == null ? null : severityFilter.name(),
            openedFrom,
            openedBefore,
            QueryParameters.limit(limit, IncidentQuery.MAX_LIMIT),
            QueryParameters.cursor(cursor));
    IncidentPage page = QueryParameters.listed(() -> incidents.list(query));
    return new IncidentSummary.Page(
        page.incidents().stream().map(IncidentReader::summary).toList(),
        page.next() == null ? null : page.next().encode());
  }

  IncidentView find(String id) {
    UUID incidentId = uuid(id, "incident");
    StoredIncident incident =
        incidents.find(incidentId).orElseThrow(() -> ApiProblem.notFound("no incident with id '" + id + "'"));
    return new IncidentView(
        incident.id().toString(), incident.source(), incident.dedupeKey(), incident.workflowId(),
        incident.status(), incident.severity(), incident.summary(), incident.link(), incident.route(),
        incident.runbook(), incident.escalationPolicy(), incident.alertCount(), incident.duplicateCount(),
        incident.firingCount(), incident.openedAt(), incident.lastSeenAt(), incident.acknowledgedAt(),
        incident.acknowledgedBy(), incident.acknowledgedVia(), incident.resolvedAt(),
        incident.resolvedBy(), incident.resolvedVia(), incident.closedAt(),
        secondsBetween(incident.openedAt(), incident.acknowledgedAt()),
        secondsBetween(incident.openedAt(), incident.resolvedAt()), incident.escalationId(),
        escalationStartedAt(incident.escalationId()),
        alerts.newestOf(incidentId, ALERTS_SHOWN).stream().map(alert -> alert(alert, false)).toList(),
        runs.startedBy(incidentId).stream()
            .map(run -> new RunSummary(run.id(), run.runbook(), run.status().name(), run.failure(), run.createdAt(), run.endedAt()))
            .toList(),
        incidents.events(incidentId).stream()
            .map(event -> new IncidentView.EventView(event.seq(), event.at(), event.kind(), event.detail()))
            .toList(),
        pages.ofIncident(incidentId),
        paging.escalations().notesOfIncident(incidentId.toString()).stream()
            .map(note -> new IncidentView.PagingNoteView(note.escalationId(), note.at(), note.kind(), note.detail()))
            .toList());
  }

  private Instant escalationStartedAt(String escalationId) {
    return escalationId == null
        ? null
        : paging.escalations().find(escalationId).map(StoredEscalation::startedAt).orElse(null);
  }

  AlertView alert(String id) {
    StoredAlert alert =
        alerts.find(uuid(id, "alert")).orElseThrow(() -> ApiProblem.notFound("no alert with id '" + id + "'"));
    return alert(alert, true);
  }

  private AlertView alert(StoredAlert stored, boolean withPayload) {
    NewAlert alert = stored.received();
    return new AlertView(
        alert.id().toString(), stored.incidentId() == null ? null : stored.incidentId().toString(),
        alert.source(), alert.dedupeKey(), alert.identity(), alert.status(), alert.severity(),
        alert.summary(), json.tree(alert.labelsJson()), json.tree(alert.annotationsJson()),
        alert.startsAt(), alert.endsAt(), alert.link(), alert.receivedAt(), stored.duplicate(),
        alert.route(), withPayload ? alert.payload() : null);
  }

  private static IncidentSummary summary(StoredIncident incident) {
    return new IncidentSummary(
        incident.id().toString(), incident.source(), incident.dedupeKey(), incident.status(),
        incident.severity(), incident.summary(), incident.route(), incident.alertCount(),
        incident.openedAt(), incident.lastSeenAt(), incident.acknowledgedAt(), incident.resolvedAt(),
        incident.closedAt());
  }

  private static Long secondsBetween(Instant from, Instant to) {
    return to == null ? null : Duration.between(from, to).toSeconds();
  }

  private static UUID uuid(String id, String what) {
    return Ids.uuid(id)
        .orElseThrow(() -> ApiProblem.notFound("no " + what + " with that id; " + what + " ids are UUIDs"));
  }
}
