package dev.remedia.activities.slack;

/**
 * Where a sent message lives: its conversation and timestamp, which together identify it in Slack,
 * written {@code channel:ts}. A paging rollup's reference ends in {@code :rollup}, because settling one
 * of its pages must not rewrite the rows of the others.
 */
public record SlackMessageRef(String channel, String ts, boolean rollup) {

  private static final String ROLLUP_SUFFIX = ":rollup";

  /** A single message's reference. */
  public SlackMessageRef(String channel, String ts) {
    this(channel, ts, false);
  }

  public static SlackMessageRef parse(String ref) {
    boolean rollup = ref.endsWith(ROLLUP_SUFFIX);
    String channelAndTs = rollup ? ref.substring(0, ref.length() - ROLLUP_SUFFIX.length()) : ref;
    int colon = channelAndTs.indexOf(':');
    if (colon <= 0 || colon == channelAndTs.length() - 1) {
      throw new IllegalArgumentException("not a Slack message reference (channel:ts): " + ref);
    }
    return new SlackMessageRef(channelAndTs.substring(0, colon), channelAndTs.substring(colon + 1), rollup);
  }

  /** The reference as stored: {@code channel:ts}, with {@code :rollup} for a rollup. */
  public String ref() {
    return channel + ":" + ts + (rollup ? ROLLUP_SUFFIX : "");
  }
}
