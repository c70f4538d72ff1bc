package dev.remedia.api.twilio;

import dev.remedia.workflows.paging.SettleAction;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an incoming text asks for: {@code ACK 4821}, {@code 4821} (acknowledge), {@code RESOLVE 4821},
 * Twilio's opt-out and opt-in keywords, or something Remedia does not understand. Case and spacing do
 * not matter.
 *
 * @param action for an answer, what to do; null otherwise
 * @param replyCode for an answer, the code from the page; null otherwise
 */
record SmsReply(Kind kind, SettleAction action, String replyCode) {

  enum Kind {
    ANSWER,
    OPT_OUT,
    OPT_IN,
    UNRECOGNISED
  }

  /** The keywords Twilio itself honours (and answers) for opting out and back in. */
  private static final Set<String> OPT_OUT_WORDS =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

  private static final Set<String> OPT_IN_WORDS = Set.of("START", "YES", "UNSTOP");
  private static final Pattern ANSWER = Pattern.compile("(?:(ACK|ACKNOWLEDGE|RESOLVE)\\s*)?([0-9]{1,10})");

  static SmsReply parse(String text) {
    String normalized = text == null ? "" : text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    if (OPT_OUT_WORDS.contains(normalized)) {
      return new SmsReply(Kind.OPT_OUT, null, null);
    }
    if (OPT_IN_WORDS.contains(normalized)) {
      return new SmsReply(Kind.OPT_IN, null, null);
    }
    Matcher answer = ANSWER.matcher(normalized);
    if (answer.matches()) {
      SettleAction action = "RESOLVE".equals(answer.group(1)) ? SettleAction.RESOLVE : SettleAction.ACKNOWLEDGE;
      return new SmsReply(Kind.ANSWER, action, answer.group(2));
    }
    return new SmsReply(Kind.UNRECOGNISED, null, null);
  }
}
