package dev.remedia.workflows.paging;

/** How a page reaches a person or a Slack channel. */
public enum PageChannel {
  SLACK,
  SMS,
  VOICE,
  /** Dev mode without Slack or Twilio credentials: logged and listed at {@code GET /api/pages}. */
  CONSOLE
}
