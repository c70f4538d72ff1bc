package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.activities.store.AuditLog.LoggedEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AuditLogTest {

  private final DSLContext db = TestDatabases.shared().dsl();
  private final AuditLog audit = new AuditLog(db);

  @Test
  void entriesAreKeptInOrderPerObject() {
    String runId = "http-check-" + UUID.randomUUID();
    AuditEntry started =
        new AuditEntry(Instant.parse("2026-11-21T10:00:00Z"), "api", "run.start", "run", runId, "10.0.0.7", "started", null);
    AuditEntry cancelled =
        new AuditEntry(
            Instant.parse("2026-11-21T10:05:00Z"), "alice", "run.cancel", "run", runId, "10.0.0.8", "cancelled",
            "{\"reason\": \"wrong target\"}");

    audit.append(started);
    audit.append(cancelled);

    List<AuditEntry> entries = audit.forObject("run", runId);
    assertEquals(2, entries.size());
    assertEquals(started, entries.get(0));
    assertEquals("alice", entries.get(1).actor());
    assertEquals("{\"reason\": \"wrong target\"}", entries.get(1).detailJson());
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveAnEntry() {
    String runId = "http-check-" + UUID.randomUUID();
    audit.append(new AuditEntry(Instant.parse("2026-11-21T10:00:00Z"), "api", "run.start", "run", runId, null, "started", null));

    DataAccessException update =
        assertThrows(
            DataAccessException.class,
            () -> db.execute("UPDATE audit_log SET outcome = 'forged' WHERE object_id = ?", runId));
    DataAccessException delete =
        assertThrows(DataAccessException.class, () -> db.execute("DELETE FROM audit_log WHERE object_id = ?", runId));
    DataAccessException truncate =
        assertThrows(DataAccessException.class, () -> db.execute("TRUNCATE audit_log"));

    assertTrue(update.getMessage().contains("audit_log is append-only: UPDATE refused"), update.getMessage());
    assertTrue(delete.getMessage().contains("audit_log is append-only: DELETE refused"), delete.getMessage());
    assertTrue(truncate.getMessage().contains("audit_log is append-only: TRUNCATE refused"), truncate.getMessage());
    assertEquals("started", audit.forObject("run", runId).get(0).outcome());
  }

  @Test
  void aListingFiltersAndPagesNewestFirst() {
    String actor = "tester-" + UUID.randomUUID();
    Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
    for (int i = 0; i < 5; i++) {
      audit.append(
          new AuditEntry(
              t0.plusSeconds(60L * i), actor, i % 2 == 0 ? "run.start" : "run.cancel", "run", "run-" + i,
              "10.0.0.1", i == 4 ? "refused" : "accepted", null));
    }
    audit.append(new AuditEntry(t0, actor, "incident.acknowledge", "incident", "i-1", null, "requested", null));

    AuditPage first = audit.list(query(actor, null, "run.", null, null, null, 2, null));
    assertEquals(List.of("run-4", "run-3"), objectIds(first.entries()));
    assertNotNull(first.next());
    AuditPage second = audit.list(query(actor, null, "run.", null, null, null, 2, first.next()));
    assertEquals(List.of("run-2", "run-1"), objectIds(second.entries()));
    AuditPage last = audit.list(query(actor, null, "run.", null, null, null, 2, second.next()));
    assertEquals(List.of("run-0"), objectIds(last.entries()));
    assertNull(last.next());

    assertEquals(
        List.of("run-3", "run-1"), objectIds(audit.list(query(actor, "run.cancel", null, null, null, null, 50, null)).entries()));
    assertEquals(
        List.of("run-4"), objectIds(audit.list(query(actor, null, null, "refused", null, null, 50, null)).entries()));
    assertEquals(
        List.of("run-2", "run-1"),
        objectIds(audit.list(query(actor, null, "run.", null, t0.plusSeconds(60), t0.plusSeconds(180), 50, null)).entries()));
    assertEquals(
        List.of(), objectIds(audit.list(query(actor, null, "run_", null, null, null, 50, null)).entries()),
        "an underscore in a prefix is a character, not a wildcard");
  }

  @Test
  void aCursorWhoseIdIsNotAnEntryNumberIsRefused() {
    PageCursor foreign = new PageCursor(Instant.parse("2026-11-20T08:00:00Z"), "http-check-1");

    assertThrows(IllegalArgumentException.class, () -> audit.list(query(null, null, null, null, null, null, 10, foreign)));
  }

  private static AuditQuery query(
      String actor, String action, String prefix, String outcome, Instant from, Instant before, int limit,
      PageCursor after) {
    return new AuditQuery(actor, action, prefix, null, null, outcome, from, before, limit, after);
  }

  private static List<String> objectIds(List<LoggedEntry> entries) {
    return entries.stream().map(entry -> entry.entry().objectId()).toList();
  }
}
