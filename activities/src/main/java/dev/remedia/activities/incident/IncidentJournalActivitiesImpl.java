package dev.remedia.activities.incident;

import dev.remedia.activities.TemporalJson;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.workflows.incident.IncidentJournalActivities;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes the incident journal into PostgreSQL; idempotency comes from the stores' upserts. */
public final class IncidentJournalActivitiesImpl implements IncidentJournalActivities {

  private final IncidentStore incidents;
  private final RunStore runs;

  public IncidentJournalActivitiesImpl(IncidentStore incidents, RunStore runs) {
    this.incidents = incidents;
    this.runs = runs;
  }

  @Override
  public void record(IncidentRecord record) {
    incidents.record(record);
  }

  @Override
  public void linkAlerts(String incidentId, List<String> alertIds) {
    incidents.linkLate(UUID.fromString(incidentId), alertIds.stream().map(UUID::fromString).toList());
  }

  @Override
  public void runStarted(RunLink link) {
    runs.recordStartedByIncident(
        link.runId(), link.runbook(), TemporalJson.write(link.input()), UUID.fromString(link.incidentId()),
        Instant.ofEpochMilli(link.atMillis()));
  }
}
