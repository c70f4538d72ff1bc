package dev.remedia.activities.paging.slack;

import dev.remedia.activities.paging.SentMessage;

/**
 * Where a sent message lives: its conversation and timestamp, which together identify it in Slack.
 * A rollup's reference ends in {@code :rollup}, because settling one of its pages must not rewrite the
 * rows of the others.
 */
record SlackMessageRef(String channel, String ts, boolean rollup) {

  private static final String ROLLUP_SUFFIX = ":rollup";

  static SlackMessageRef parse(SentMessage sent) {
    String ref = sent.providerRef();
    boolean rollup = ref.endsWith(ROLLUP_SUFFIX);
    String channelAndTs = rollup ? ref.substring(0, ref.length() - ROLLUP_SUFFIX.length()) : ref;
    int colon = channelAndTs.indexOf(':');
    if (colon <= 0 || colon == channelAndTs.length() - 1) {
      throw new IllegalArgumentException("not a Slack message reference (channel:ts): " + ref);
    }
    return new SlackMessageRef(channelAndTs.substring(0, colon), channelAndTs.substring(colon + 1), rollup);
  }

  SentMessage toSentMessage() {
    return new SentMessage(channel + ":" + ts + (rollup ? ROLLUP_SUFFIX : ""));
  }
}
