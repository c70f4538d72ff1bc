package dev.remedia.activities.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.activities.store.StoredRun;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.runbook.RunJournalActivities.RunEnded;
import dev.remedia.workflows.runbook.RunJournalActivities.RunStarted;
import dev.remedia.workflows.runbook.RunJournalActivities.StepEnded;
import dev.remedia.workflows.runbook.RunJournalActivities.StepStarted;
import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.StepState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RunJournalActivitiesImplTest {

  private final RunStore store = new RunStore(TestDatabases.shared().dsl());
  private final AcmeOrderStore orders = new AcmeOrderStore(TestDatabases.shared().dsl());
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RunJournalActivitiesImpl journal =
      new RunJournalActivitiesImpl(store, orders, new RemediaCounters(meters));

  record ProbeInput(String url, int timeoutSeconds) {}

  record ProbeOutput(int statusCode, Instant checkedAt) {}

  @Test
  void aWholeRunIsRecordedWithInputAndResultAsJson() {
    String id = "http-check-" + UUID.randomUUID();
    long t0 = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();

    journal.runStarted(new RunStarted(id, "http-check", new ProbeInput("http://example.org", 10), t0, null));
    journal.stepStarted(new StepStarted(id, 1, "probe", t0 + 10));
    journal.stepEnded(new StepEnded(id, 1, "probe", StepState.SUCCEEDED, "HTTP 200 in 3 ms", t0 + 20));
    journal.runEnded(
        new RunEnded(id, RunStatus.SUCCEEDED, new ProbeOutput(200, Instant.ofEpochMilli(t0)), null, t0 + 30));

    StoredRun run = store.find(id).orElseThrow();
    assertEquals(RunStatus.SUCCEEDED, run.status());
    assertTrue(run.inputJson().contains("\"url\": \"http://example.org\""), run.inputJson());
    assertTrue(run.resultJson().contains("\"statusCode\": 200"), run.resultJson());
    assertTrue(run.resultJson().contains("2026-11-21T10:00:00Z"), "times as ISO-8601: " + run.resultJson());
    assertEquals(Instant.ofEpochMilli(t0 + 30), run.endedAt());
    assertEquals("HTTP 200 in 3 ms", store.steps(id).get(0).detail());
  }

  /** A renewal whose approval was refused never deploys, so nothing else drops the key it ordered. */
  @Test
  void aRunThatEndsForgetsThePrivateKeyItOrdered() {
    String id = "cert-renewal-" + UUID.randomUUID();
    journal.runStarted(new RunStarted(id, "cert-renewal", new ProbeInput("https://example.org", 10), 0, null));
    orders.ordered(id, "https://ca.example/order/1", "-----BEGIN PRIVATE KEY-----", Instant.EPOCH);

    journal.runEnded(new RunEnded(id, RunStatus.FAILED, null, "approval refused by bob", 10));

    assertNull(orders.find(id).orElseThrow().keyPem());
    assertEquals("https://ca.example/order/1", orders.find(id).orElseThrow().orderUrl());
  }

  @Test
  void aRunStartedAsARetryIsLinkedToTheRunItRetries() {
    String failed = "http-check-" + UUID.randomUUID();
    String retry = "http-check-" + UUID.randomUUID();
    journal.runStarted(new RunStarted(failed, "http-check", new ProbeInput("http://example.org", 10), 0, null));

    journal.runStarted(new RunStarted(retry, "http-check", new ProbeInput("http://example.org", 10), 5, failed));

    assertEquals(List.of(retry), store.retriesOf(failed));
  }

  @Test
  void aRetriedJournalCallIsHarmlessAndTheRunIsCountedOnce() {
    String id = "http-check-" + UUID.randomUUID();
    RunStarted started = new RunStarted(id, "http-check", new ProbeInput("http://example.org", 10), 0, null);
    StepStarted step = new StepStarted(id, 1, "probe", 1);
    RunEnded failed = new RunEnded(id, RunStatus.FAILED, null, "unreachable", 2);

    for (int attempt = 0; attempt < 3; attempt++) {
      journal.runStarted(started);
      journal.stepStarted(step);
      journal.runEnded(failed);
    }

    assertEquals(1, store.steps(id).size());
    assertEquals("unreachable", store.find(id).orElseThrow().failure());
    assertEquals(
        1.0, meters.get("remedia.runs").tag("runbook", "http-check").tag("outcome", "failed").counter().count());
  }
}
