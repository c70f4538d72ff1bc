package dev.remedia.activities.paging.slack;

/** Text for Slack's mrkdwn, where {@code &}, {@code <} and {@code >} are control characters. */
public final class SlackText {

  private SlackText() {}

  /** Shows {@code text} as it is: an alert's summary cannot ping {@code <!channel>} or forge a link. */
  public static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
