package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.remedia.activities.store.AuditLog.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AuditLogTest {

  private final AuditLog audit = new AuditLog(TestDatabases.shared().dsl());

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
}
