package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.workflows.incident.IncidentJournalActivities.IncidentEvent;
import dev.remedia.workflows.incident.IncidentJournalActivities.IncidentRecord;
import dev.remedia.workflows.incident.IncidentStatus;
import dev.remedia.workflows.incident.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Incidents and alerts against a real PostgreSQL (embedded, or REMEDIA_TEST_DATABASE_URL). */
@Timeout(60)
class IncidentStoreTest {

  private static final long T0 = Instant.parse("2026-11-01T10:00:00Z").toEpochMilli();

  private IncidentStore incidents;
  private AlertStore alerts;
  private String source;

  @BeforeEach
  void openStores() {
    incidents = new IncidentStore(TestDatabases.shared().dsl());
    alerts = new AlertStore(TestDatabases.shared().dsl());
    source = "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aRecordedIncidentReadsBackWithItsAlertsAndEvents() {
    UUID id = UUID.randomUUID();
    UUID alert = storeAlert("firing");
    incidents.record(
        record(id, 1, IncidentStatus.OPEN, List.of(alert), List.of(event(1, "opened")), 1));

    StoredIncident incident = incidents.find(id).orElseThrow();
    assertEquals(IncidentStatus.OPEN.name(), incident.status());
    assertEquals("CRITICAL", incident.severity());
    assertEquals("HostDown on host-a", incident.summary());
    assertEquals("host-down", incident.route());
    assertEquals(Instant.ofEpochMilli(T0), incident.openedAt());
    assertNull(incident.resolvedAt());
    assertEquals(1, incident.alertCount());
    assertEquals(List.of("opened"), incidents.events(id).stream().map(StoredIncidentEvent::kind).toList());
    StoredAlert stored = alerts.find(alert).orElseThrow();
    assertEquals(id, stored.incidentId());
    assertFalse(stored.duplicate());
  }

  @Test
  void aRetriedWriteChangesNothingAndAnOlderOneCannotOverwriteANewerOne() {
    UUID id = UUID.randomUUID();
    IncidentRecord opened = record(id, 1, IncidentStatus.OPEN, List.of(), List.of(event(1, "opened")), 1);
    IncidentRecord resolved = record(id, 2, IncidentStatus.RESOLVED, List.of(), List.of(event(2, "resolved")), 2);
    incidents.record(opened);
    incidents.record(resolved);
    incidents.record(resolved);
    incidents.record(opened);

    StoredIncident incident = incidents.find(id).orElseThrow();
    assertEquals(IncidentStatus.RESOLVED.name(), incident.status());
    assertEquals("alertmanager", incident.resolvedBy());
    assertEquals("monitor", incident.resolvedVia());
    assertEquals("escalation/" + id, incident.escalationId());
    assertEquals(
        List.of("opened", "resolved"),
        incidents.events(id).stream().map(StoredIncidentEvent::kind).toList());
  }

  /** Temporal refused the closing task; its rerun saw a re-fire instead and wrote the same numbers. */
  @Test
  void theRerunOfARefusedWorkflowTaskReplacesWhatTheRefusedOneWrote() {
    UUID id = UUID.randomUUID();
    incidents.record(record(id, 1, IncidentStatus.RESOLVED, List.of(), List.of(event(1, "opened"), event(2, "resolved")), 2));
    incidents.record(record(id, 2, IncidentStatus.CLOSED, List.of(), List.of(event(3, "closed"), event(4, "note")), 4));
    incidents.record(record(id, 3, IncidentStatus.OPEN, List.of(), List.of(event(3, "reopened")), 3));

    assertEquals(IncidentStatus.OPEN.name(), incidents.find(id).orElseThrow().status());
    assertEquals(
        List.of("opened", "resolved", "reopened"),
        incidents.events(id).stream().map(StoredIncidentEvent::kind).toList());
  }

  @Test
  void duplicatesAreLinkedAndFlaggedSoEveryAcceptedAlertIsVisible() {
    UUID id = UUID.randomUUID();
    UUID first = storeAlert("firing");
    UUID repeat = storeAlert("firing");
    incidents.record(
        new IncidentRecord(
            id.toString(), 1, "incident/x/y", source, "y", IncidentStatus.OPEN, Severity.ERROR, "s", null,
            null, null, null, 1, 1, 1, T0, T0, 0, 0, 0, List.of(first.toString()),
            List.of(repeat.toString()), List.of(), 0, null, null, null, null, null));

    assertTrue(alerts.find(repeat).orElseThrow().duplicate());
    assertEquals(2, alerts.newestOf(id, 10).size());
  }

  @Test
  void alertsWhoseSignalWasRefusedAreRemovedButLinkedOnesStay() {
    UUID linked = storeAlert("firing");
    UUID refused = storeAlert("firing");
    UUID id = UUID.randomUUID();
    incidents.record(record(id, 1, IncidentStatus.OPEN, List.of(linked), List.of(), 0));

    alerts.deleteUnlinked(List.of(linked, refused));

    assertTrue(alerts.find(linked).isPresent());
    assertTrue(alerts.find(refused).isEmpty());
  }

  @Test
  void theRawPayloadIsKeptExactlyEvenWhereJsonbWouldRefuseOrReorderIt() {
    String payload = "{\"z\":1,\"a\":\"\\u0000 and \\ud83d\\ude00\",\"z\":2}";
    UUID id = UUID.randomUUID();
    alerts.insert(List.of(newAlert(id, "firing", payload)));

    assertEquals(payload, alerts.find(id).orElseThrow().received().payload());
  }

  @Test
  void incidentsListNewestFirstFilteredAndPaged() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      IncidentStatus status = i % 2 == 0 ? IncidentStatus.OPEN : IncidentStatus.CLOSED;
      incidents.record(
          new IncidentRecord(
              id.toString(), 1, "incident/" + source + "/" + i, source, "k" + i, status, Severity.WARNING,
              "s", null, null, null, null, 1, 0, 1, T0 + i * 60_000L, T0, 0, 0, 0, List.of(), List.of(),
              List.of(), 0, null, null, null, null, null));
    }

    IncidentPage open = incidents.list(new IncidentQuery("OPEN", source, null, null, null, 10, null));
    assertEquals(List.of(ids.get(4), ids.get(2), ids.get(0)), open.incidents().stream().map(StoredIncident::id).toList());

    List<UUID> paged = new ArrayList<>();
    PageCursor cursor = null;
    do {
      IncidentPage page = incidents.list(new IncidentQuery(null, source, "WARNING", null, null, 2, cursor));
      page.incidents().forEach(incident -> paged.add(incident.id()));
      cursor = page.next() == null ? null : PageCursor.decode(page.next().encode());
    } while (cursor != null);
    assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), paged);

    IncidentPage window =
        incidents.list(
            new IncidentQuery(
                null, source, null, Instant.ofEpochMilli(T0 + 60_000), Instant.ofEpochMilli(T0 + 180_000), 10, null));
    assertEquals(List.of(ids.get(2), ids.get(1)), window.incidents().stream().map(StoredIncident::id).toList());
  }

  @Test
  void aRunStartedByAnIncidentIsLinkedWhicheverWriteComesFirst() {
    RunStore runs = new RunStore(TestDatabases.shared().dsl());
    UUID incident = UUID.randomUUID();
    incidents.record(record(incident, 1, IncidentStatus.OPEN, List.of(), List.of(), 0));
    String runId = "echo-" + UUID.randomUUID();
    runs.recordStarted(runId, "echo", "{}", Instant.ofEpochMilli(T0));
    runs.recordStartedByIncident(runId, "echo", "{}", incident, Instant.ofEpochMilli(T0));
    runs.recordStartedByIncident(runId, "echo", "{}", incident, Instant.ofEpochMilli(T0));

    assertEquals(List.of(runId), runs.startedBy(incident).stream().map(StoredRun::id).toList());
  }

  private UUID storeAlert(String status) {
    UUID id = UUID.randomUUID();
    alerts.insert(List.of(newAlert(id, status, "{\"status\":\"" + status + "\"}")));
    return id;
  }

  private NewAlert newAlert(UUID id, String status, String payload) {
    Instant at = Instant.ofEpochMilli(T0);
    return new NewAlert(
        id, source, "k", "fp-1", "incident/" + source + "/k", "host-down", status, "CRITICAL",
        "HostDown on host-a", "{\"alertname\":\"HostDown\"}", "{}", at, null, "http://prometheus", at,
        payload);
  }

  private IncidentRecord record(
      UUID id, long seq, IncidentStatus status, List<UUID> newAlerts, List<IncidentEvent> events, int lastEventSeq) {
    return new IncidentRecord(
        id.toString(), seq, "incident/" + source + "/k", source, "k", status, Severity.CRITICAL,
        "HostDown on host-a", "http://prometheus", "host-down", "http-check", null, newAlerts.size(), 0, 1,
        T0, T0, 0, status == IncidentStatus.RESOLVED ? T0 + 1_000 : 0, 0,
        newAlerts.stream().map(UUID::toString).toList(), List.of(), events, lastEventSeq,
        status == IncidentStatus.ACKNOWLEDGED ? "alice" : null,
        status == IncidentStatus.ACKNOWLEDGED ? "slack" : null,
        status == IncidentStatus.RESOLVED ? "alertmanager" : null,
        status == IncidentStatus.RESOLVED ? "monitor" : null,
        "escalation/" + id);
  }

  private static IncidentEvent event(int seq, String kind) {
    return new IncidentEvent(seq, T0 + seq, kind, kind + " detail");
  }
}
