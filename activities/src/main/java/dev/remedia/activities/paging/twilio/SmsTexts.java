package dev.remedia.activities.paging.twilio;

import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.SettleNotice;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The texts Remedia sends by SMS. Each is kept to one segment when it fits the GSM alphabet (typographic
 * quotes and dashes are replaced so that it does), and to two when another alphabet forces UCS-2; the
 * summary is what gets shortened.
 */
final class SmsTexts {

  private static final String PREFIX = "[Remedia] ";
  private static final String ELLIPSIS = "...";
  /** Summaries are cut to this first, so fitting a text stays cheap whatever the monitor sent. */
  private static final int MAX_SUMMARY_CODE_POINTS = 320;
  private static final int ROLLUP_SUMMARY_CODE_POINTS = 40;
  private static final int ROLLUP_SEGMENTS = 2;

  private SmsTexts() {}

  /** "[Remedia] CRITICAL: Disk full on db-1 Reply ACK 4821 or RESOLVE 4821". */
  static String page(OutgoingPage page) {
    String severity = page.severity() == null || page.severity().isBlank()
        ? ""
        : page.severity().strip().toUpperCase(Locale.ROOT) + ": ";
    return fit(PREFIX + severity, page.summary(), " " + replyInstruction(page.replyCode()));
  }

  /** What only the page's own text contains, so a sent page can be recognised among the messages. */
  static String replyInstruction(String replyCode) {
    return "Reply ACK " + replyCode + " or RESOLVE " + replyCode;
  }

  /**
   * "[Remedia] 12 more incidents are paging you: 4822 DB down; 4823 Disk full; and 10 more. Reply ACK
   * or RESOLVE with a code, e.g. ACK 4822". As many pages are named as two segments hold.
   */
  static String rollup(List<OutgoingPage> pages) {
    List<String> named = new ArrayList<>();
    for (OutgoingPage page : pages) {
      named.add(page.replyCode() + " " + shorten(clean(page.summary()), ROLLUP_SUMMARY_CODE_POINTS));
      if (named.size() > 1 && SmsSegments.count(rollup(pages, named)) > ROLLUP_SEGMENTS) {
        named.remove(named.size() - 1);
        break;
      }
    }
    return rollup(pages, named);
  }

  private static String rollup(List<OutgoingPage> pages, List<String> named) {
    int rest = pages.size() - named.size();
    return PREFIX + pages.size() + " more incidents are paging you: " + String.join("; ", named)
        + (rest == 0 ? "." : "; and " + rest + " more.")
        + " Reply ACK or RESOLVE with a code, e.g. ACK " + pages.get(0).replyCode();
  }

  /** "[Remedia] Acknowledged by Alice via slack: Disk full on db-1". */
  static String settled(OutgoingPage page, Settlement settlement) {
    String done = settlement.action() == SettleAction.ACKNOWLEDGE ? "Acknowledged" : "Resolved";
    return fit(PREFIX + done + " by " + settlement.by() + " via " + settlement.via() + ": ", page.summary(), "");
  }

  /**
   * "[Remedia] 12 incidents paging you were settled: 9 acknowledged by alice, 3 resolved by
   * alertmanager." Who settled them is listed most frequent first, as many as one segment holds.
   */
  static String settledRollup(List<SettleNotice> notices) {
    Map<String, Long> byWho =
        notices.stream()
            .map(notice -> settledBy(notice.settlement()))
            .collect(Collectors.groupingBy(who -> who, LinkedHashMap::new, Collectors.counting()));
    List<String> named = new ArrayList<>();
    String text = settledRollup(notices.size(), named, byWho.size());
    for (Map.Entry<String, Long> who :
        byWho.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
      named.add(who.getValue() + " " + who.getKey());
      String longer = settledRollup(notices.size(), named, byWho.size());
      if (SmsSegments.count(longer) > 1 && named.size() > 1) {
        break;
      }
      text = longer;
    }
    return text;
  }

  private static String settledRollup(int count, List<String> named, int kinds) {
    int rest = kinds - named.size();
    return PREFIX + count + " incidents paging you were settled"
        + (named.isEmpty() ? "" : ": " + String.join(", ", named)) + (rest == 0 ? "." : " and more.");
  }

  private static String settledBy(Settlement settlement) {
    return (settlement.action() == SettleAction.ACKNOWLEDGE ? "acknowledged" : "resolved")
        + " by " + shorten(clean(settlement.by()), ROLLUP_SUMMARY_CODE_POINTS);
  }

  /** The text with the summary shortened until it takes one GSM segment, or two UCS-2 ones. */
  private static String fit(String before, String summary, String after) {
    String cleaned = shorten(clean(summary), MAX_SUMMARY_CODE_POINTS);
    String whole = before + cleaned + after;
    int segments = SmsSegments.isGsm(whole) ? 1 : 2;
    if (SmsSegments.count(whole) <= segments) {
      return whole;
    }
    int[] codePoints = cleaned.codePoints().toArray();
    for (int keep = codePoints.length - 1; keep > 0; keep--) {
      String candidate = before + new String(codePoints, 0, keep).strip() + ELLIPSIS + after;
      if (SmsSegments.count(candidate) <= segments) {
        return candidate;
      }
    }
    return before.strip() + after;
  }

  static String shorten(String text, int codePoints) {
    if (text.codePointCount(0, text.length()) <= codePoints) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, codePoints - ELLIPSIS.length())).strip() + ELLIPSIS;
  }

  /** One line, with typographic punctuation replaced by its GSM look-alike. */
  static String clean(String text) {
    if (text == null || text.isBlank()) {
      return "(no summary)";
    }
    return text.replaceAll("[\u2018\u2019\u201A\u201B\u2032`]", "'")
        .replaceAll("[\u201C\u201D\u201E\u2033]", "\"")
        .replaceAll("[\u2010-\u2015\u2212]", "-")
        .replace("\u2026", ELLIPSIS)
        .replaceAll("[\\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+", " ")
        .strip();
  }
}
