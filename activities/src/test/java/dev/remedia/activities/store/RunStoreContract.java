package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.workflows.runbook.RunStatus;
import dev.remedia.workflows.runbook.StepState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the run store promises, checked against whichever real PostgreSQL a subclass provides. */
@Timeout(60)
abstract class RunStoreContract {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private RunStore store;
  private String runbook;

  protected abstract Database database();

  @BeforeEach
  void openStore() {
    store = new RunStore(database().dsl());
    runbook = "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aRetriedStartKeepsTheFirstRecord() {
    String id = newRunId();
    store.recordStarted(id, runbook, "{\"url\": \"http://a\"}", T0);
    store.recordStarted(id, runbook, "{\"url\": \"http://b\"}", T0.plusSeconds(5));

    StoredRun run = store.find(id).orElseThrow();
    assertEquals(RunStatus.RUNNING, run.status());
    assertTrue(run.inputJson().contains("http://a"));
    assertEquals(T0, run.createdAt());
  }

  @Test
  void stepsFormATimelineAndRetriedWritesDoNotDuplicateThem() {
    String id = started();
    store.recordStepStarted(id, 1, "probe", T0.plusSeconds(1));
    store.recordStepStarted(id, 1, "probe", T0.plusSeconds(1));
    store.recordStepEnded(id, 1, StepState.SUCCEEDED, "HTTP 200 in 4 ms", T0.plusSeconds(2));
    store.recordStepEnded(id, 1, StepState.SUCCEEDED, "HTTP 200 in 4 ms", T0.plusSeconds(2));
    store.recordStepStarted(id, 2, "certificate", T0.plusSeconds(3));

    List<StoredStep> steps = store.steps(id);
    assertEquals(2, steps.size());
    assertEquals(
        new StoredStep(1, "probe", StepState.SUCCEEDED, T0.plusSeconds(1), T0.plusSeconds(2), "HTTP 200 in 4 ms"),
        steps.get(0));
    assertEquals(StepState.RUNNING, steps.get(1).state());
    assertNull(steps.get(1).endedAt());
  }

  @Test
  void anEndedRunKeepsItsFirstOutcome() {
    String id = started();
    assertEquals(
        Optional.of(runbook),
        store.recordEnded(id, RunStatus.SUCCEEDED, "{\"statusCode\": 200}", null, T0.plusSeconds(3)));
    assertEquals(
        Optional.empty(), store.recordEnded(id, RunStatus.FAILED, null, "late duplicate", T0.plusSeconds(9)));

    StoredRun run = store.find(id).orElseThrow();
    assertEquals(RunStatus.SUCCEEDED, run.status());
    assertEquals("{\"statusCode\": 200}", run.resultJson());
    assertNull(run.failure());
    assertEquals(T0.plusSeconds(3), run.endedAt());
  }

  @Test
  void anUnknownRunIsNotFound() {
    assertTrue(store.find(newRunId()).isEmpty());
    assertTrue(store.steps(newRunId()).isEmpty());
  }

  @Test
  void listingIsNewestFirstFilteredAndPagedWithoutGapsOrRepeats() {
    List<StoredRun> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = newRunId();
      // The last two runs share a timestamp, so the id has to break the tie.
      Instant createdAt = T0.plusSeconds(i == 4 ? 3 : i);
      store.recordStarted(id, runbook, "{}", createdAt);
      expected.add(new StoredRun(id, runbook, RunStatus.RUNNING, "{}", null, null, createdAt, null, null));
    }
    expected.sort(
        Comparator.comparing(StoredRun::createdAt).thenComparing(StoredRun::id).reversed());
    String failedId = expected.get(2).id();
    store.recordEnded(failedId, RunStatus.FAILED, null, "down", T0.plusSeconds(10));

    List<String> seen = new ArrayList<>();
    int pages = 0;
    PageCursor cursor = null;
    do {
      RunPage page = store.list(new RunQuery(null, runbook, 2, cursor));
      page.runs().forEach(run -> seen.add(run.id()));
      cursor = page.next() == null ? null : PageCursor.decode(page.next().encode());
      pages++;
    } while (cursor != null);

    assertEquals(expected.stream().map(StoredRun::id).toList(), seen);
    assertEquals(3, pages);
    List<StoredRun> failed = store.list(new RunQuery(RunStatus.FAILED, runbook, 10, null)).runs();
    assertEquals(List.of(failedId), failed.stream().map(StoredRun::id).toList());
    assertEquals("down", failed.get(0).failure());
  }

  @Test
  void aRetryIsLinkedToTheRunItRetriesOnce() {
    String failed = started();
    String retry = newRunId();
    store.recordStarted(retry, runbook, "{}", T0.plusSeconds(60));

    store.linkRetry(retry, failed);
    store.linkRetry(retry, "someone-else");

    assertEquals(failed, store.find(retry).orElseThrow().retryOf());
    assertEquals(null, store.find(failed).orElseThrow().retryOf());
    assertEquals(List.of(retry), store.retriesOf(failed));
  }

  @Test
  void timestampsSurviveAtMicrosecondPrecision() {
    String id = newRunId();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    store.recordStarted(id, runbook, "{}", at);
    assertEquals(at, store.find(id).orElseThrow().createdAt());
  }

  private String started() {
    String id = newRunId();
    store.recordStarted(id, runbook, "{}", T0);
    return id;
  }

  private String newRunId() {
    return runbook + "-" + UUID.randomUUID();
  }
}
