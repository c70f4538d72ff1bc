package dev.remedia.activities.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.activities.store.RunStore;
import dev.remedia.workflows.runbook.FailureType;
import dev.remedia.workflows.runbook.RunJournalActivities;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.time.Instant;

/** Writes the run journal into PostgreSQL; idempotency comes from {@link RunStore}'s upserts. */
public final class RunJournalActivitiesImpl implements RunJournalActivities {

  // Temporal's own mapper, so stored input and result read exactly as they crossed Temporal.
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private final RunStore runs;

  public RunJournalActivitiesImpl(RunStore runs) {
    this.runs = runs;
  }

  @Override
  public void runStarted(RunStarted event) {
    runs.recordStarted(event.runId(), event.runbook(), json(event.input()), at(event.atMillis()));
  }

  @Override
  public void stepStarted(StepStarted event) {
    runs.recordStepStarted(event.runId(), event.seq(), event.name(), at(event.atMillis()));
  }

  @Override
  public void stepEnded(StepEnded event) {
    runs.recordStepEnded(
        event.runId(), event.seq(), event.state(), event.detail(), at(event.atMillis()));
  }

  @Override
  public void runEnded(RunEnded event) {
    String result = event.result() == null ? null : json(event.result());
    runs.recordEnded(event.runId(), event.status(), result, event.failure(), at(event.atMillis()));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw FailureType.INVALID_INPUT.permanent("cannot store value as JSON: " + e.getMessage());
    }
  }

  private static Instant at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis);
  }
}
