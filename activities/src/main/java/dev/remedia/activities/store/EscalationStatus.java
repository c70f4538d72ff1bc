package dev.remedia.activities.store;

/** Where an escalation stands; only a {@link #PAGING} escalation holds a reply code. */
public enum EscalationStatus {
  PAGING,
  ACKNOWLEDGED,
  RESOLVED,
  EXHAUSTED
}
