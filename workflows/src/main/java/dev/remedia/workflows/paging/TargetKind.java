package dev.remedia.workflows.paging;

/** What an escalation level notifies. */
public enum TargetKind {
  /** A person by name from the on-call configuration. */
  PERSON,
  /** Whoever a schedule has on call when the level fires. */
  SCHEDULE,
  /** A Slack channel by id (Slack only). */
  SLACK_CHANNEL
}
