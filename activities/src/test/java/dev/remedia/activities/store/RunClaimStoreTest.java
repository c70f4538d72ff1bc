package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.remedia.workflows.runbook.RunStatus;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** One run per exclusive key: later triggers join the holder until its run ends, stops or never starts. */
class RunClaimStoreTest {

  private final Database database = TestDatabases.shared();
  private final RunClaimStore claims = new RunClaimStore(database.dsl());
  private final RunStore runs = new RunStore(database.dsl());
  private final String key = "cert-renewal:" + UUID.randomUUID() + ":443";
  private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

  /** What Temporal says of the holder's workflow. */
  private static final Predicate<String> STILL_RUNNING = id -> true;
  private static final Predicate<String> GONE = id -> false;

  @Test
  void theFirstClaimWinsAndLaterOnesJoinItWhileItRuns() {
    runs.recordStarted("run-a-" + key, "cert-renewal", "{}", now);

    assertEquals("run-a-" + key, claims.claim(key, "run-a-" + key, now, STILL_RUNNING));
    assertEquals("run-a-" + key, claims.claim(key, "run-b-" + key, now.plusSeconds(600), STILL_RUNNING));
    assertEquals(
        "run-a-" + key, claims.claim(key, "run-a-" + key, now.plusSeconds(601), STILL_RUNNING), "a retried claim keeps it");
  }

  @Test
  void aRunThatEndedGivesTheKeyToTheNext() {
    runs.recordStarted("run-a-" + key, "cert-renewal", "{}", now);
    claims.claim(key, "run-a-" + key, now, STILL_RUNNING);
    runs.recordEnded("run-a-" + key, RunStatus.SUCCEEDED, null, null, now.plusSeconds(60));

    assertEquals("run-b-" + key, claims.claim(key, "run-b-" + key, now.plusSeconds(61), STILL_RUNNING));
  }

  @Test
  void aClaimThatNeverBecameARunLapsesAfterTheGrace() {
    claims.claim(key, "run-a-" + key, now, STILL_RUNNING);

    assertEquals("run-a-" + key, claims.claim(key, "run-b-" + key, now.plus(RunClaimStore.START_GRACE), GONE));
    assertEquals(
        "run-b-" + key, claims.claim(key, "run-b-" + key, now.plus(RunClaimStore.START_GRACE).plusSeconds(1), GONE));
  }

  @Test
  void aRunTerminatedWithoutRecordingItsEndGivesTheKeyOnceTemporalSaysItStopped() {
    runs.recordStarted("run-a-" + key, "cert-renewal", "{}", now);
    claims.claim(key, "run-a-" + key, now, STILL_RUNNING);

    assertEquals("run-a-" + key, claims.claim(key, "run-b-" + key, now.plusSeconds(600), STILL_RUNNING));
    assertEquals("run-b-" + key, claims.claim(key, "run-b-" + key, now.plusSeconds(601), GONE));
  }

  @Test
  void aRunStartedWithoutARowKeepsItsKeyWhileTemporalRunsIt() {
    claims.claim(key, "run-a-" + key, now, STILL_RUNNING);

    assertEquals(
        "run-a-" + key,
        claims.claim(key, "run-b-" + key, now.plus(RunClaimStore.START_GRACE).plusSeconds(1), STILL_RUNNING));
  }
}
