package dev.remedia.activities.store;

import java.time.Instant;

/** One moment in an incident's life: opened, acknowledged, resolved, reopened, closed, a run. */
public record StoredIncidentEvent(int seq, Instant at, String kind, String detail) {}
