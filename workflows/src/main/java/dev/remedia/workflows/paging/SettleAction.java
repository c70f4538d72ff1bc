package dev.remedia.workflows.paging;

/** What a person or the monitor did to an incident. */
public enum SettleAction {
  ACKNOWLEDGE,
  RESOLVE
}
