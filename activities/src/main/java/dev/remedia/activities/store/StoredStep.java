package dev.remedia.activities.store;

import dev.remedia.workflows.runbook.StepState;
import java.time.Instant;

/** One step of a run's timeline. */
public record StoredStep(
    int seq, String name, StepState state, Instant startedAt, Instant endedAt, String detail) {}
