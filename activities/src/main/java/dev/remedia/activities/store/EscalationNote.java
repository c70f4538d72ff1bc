package dev.remedia.activities.store;

import java.time.Instant;

/** A line an escalation added to its incident's timeline: a skipped contact, a failed delivery. */
public record EscalationNote(String escalationId, String incidentId, Instant at, String kind, String detail) {}
