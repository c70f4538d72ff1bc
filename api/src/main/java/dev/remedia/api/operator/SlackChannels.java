package dev.remedia.api.operator;

import java.util.regex.Pattern;

/** A Slack channel id as the operator configuration names one, for escalation policies and approver groups. */
final class SlackChannels {

  private static final Pattern ID = Pattern.compile("[CG][A-Z0-9]{2,20}");

  private SlackChannels() {}

  static boolean isId(String id) {
    return ID.matcher(id).matches();
  }

  /** The problem with a value that is not a channel id, and where to find the right one. */
  static String notAnId(String value) {
    return "'" + value + "' is not a Slack channel id; it looks like C0123ABCD "
        + "(in Slack: the channel's details, at the bottom)";
  }
}
