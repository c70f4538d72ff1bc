package dev.remedia.activities.slack;

/** Text for Slack's mrkdwn, where {@code &}, {@code <} and {@code >} are control characters. */
public final class SlackText {

  private SlackText() {}

  /** Shows {@code text} as it is: an alert's summary cannot ping {@code <!channel>} or forge a link. */
  public static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A link target may not contain the characters that end or split Slack's {@code <url|label>} syntax. */
  public static String escapeUrl(String url) {
    return escape(url).replace("|", "%7C");
  }

  /** Keeps {@code text} within one of Slack's field limits, marking the cut. */
  public static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
