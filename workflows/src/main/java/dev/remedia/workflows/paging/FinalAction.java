package dev.remedia.workflows.paging;

/** What an escalation does when every level of every repeat passed without an acknowledgement. */
public enum FinalAction {
  /** Pages the policy's fallback level once, then marks the incident unacknowledged. */
  NOTIFY_FALLBACK,
  /** Marks the incident unacknowledged and stops paging. */
  MARK_UNACKNOWLEDGED
}
