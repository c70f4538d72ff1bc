package dev.remedia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages dev mode's console channel sent, read from Remedia's log: there each message is one
 * line of the {@code remedia.pages} logger, written at the moment the channel is called. That makes the
 * log the record of what recipients received and when, which the page rows cannot give: a rolled-up
 * page's row does not say which message carried it, and its {@code sentAt} is written after the call,
 * by whichever thread gets to it.
 */
final class ConsoleLog {

  enum Kind {
    /** One page in its own message. */
    PAGE,
    /** Several pages to one destination in one message. */
    ROLLUP,
    /** Telling someone already paged that one or several incidents were acknowledged or resolved. */
    SETTLE_NOTICE
  }

  record Message(Instant at, String destination, Kind kind, List<String> pageIds) {}

  private static final String PREFIX = "^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) INFO +remedia\\.pages - ";
  private static final Pattern PAGE = Pattern.compile(PREFIX + "Page (\\S+) to ([^\\s:]+): \\[");
  private static final Pattern NOTICE = Pattern.compile(PREFIX + "Page (\\S+) to ([^\\s:]+): (?:acknowledge|resolve) by ");
  private static final Pattern ROLLUP = Pattern.compile(PREFIX + "\\d+ pages to ([^\\s:]+) in one message: (.+)$");
  private static final Pattern NOTICE_ROLLUP =
      Pattern.compile(PREFIX + "\\d+ settle notices to ([^\\s:]+) in one message: (.+)$");

  final List<Message> messages;
  private final Map<String, List<Instant>> sendsByPage = new HashMap<>();

  private ConsoleLog(List<Message> messages) {
    this.messages = List.copyOf(messages);
    for (Message message : messages) {
      if (message.kind() != Kind.SETTLE_NOTICE) {
        for (String pageId : message.pageIds()) {
          sendsByPage.computeIfAbsent(pageId, id -> new ArrayList<>()).add(message.at());
        }
      }
    }
  }

  /**
   * Reads the log. Its lines carry only the time of day, in this machine's zone (Remedia runs here
   * too); each is placed on the day that puts it closest after {@code runStart}.
   */
  static ConsoleLog read(Path log, Instant runStart) throws IOException {
    List<Message> messages = new ArrayList<>();
    ZonedDateTime start = runStart.atZone(ZoneId.systemDefault());
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m;
      if ((m = PAGE.matcher(line)).find()) {
        messages.add(new Message(at(m.group(1), start), m.group(3), Kind.PAGE, List.of(m.group(2))));
      } else if ((m = NOTICE.matcher(line)).find()) {
        messages.add(new Message(at(m.group(1), start), m.group(3), Kind.SETTLE_NOTICE, List.of(m.group(2))));
      } else if ((m = ROLLUP.matcher(line)).find()) {
        messages.add(
            new Message(at(m.group(1), start), m.group(2), Kind.ROLLUP, Arrays.asList(m.group(3).split(", "))));
      } else if ((m = NOTICE_ROLLUP.matcher(line)).find()) {
        // Each notice reads "<page id> acknowledge by <who> via <how>".
        List<String> pageIds = Arrays.stream(m.group(3).split(", ")).map(notice -> notice.split(" ", 2)[0]).toList();
        messages.add(new Message(at(m.group(1), start), m.group(2), Kind.SETTLE_NOTICE, pageIds));
      }
    }
    return new ConsoleLog(messages);
  }

  /** When the page first went out, alone or rolled up, or null when it never did. */
  Instant sentAt(String pageId) {
    List<Instant> sends = sendsByPage.get(pageId);
    return sends == null ? null : sends.get(0);
  }

  /** Pages that went out in more than one message. */
  long pagesSentMoreThanOnce() {
    return sendsByPage.values().stream().filter(sends -> sends.size() > 1).count();
  }

  private static Instant at(String timeOfDay, ZonedDateTime runStart) {
    ZonedDateTime at = runStart.with(LocalTime.parse(timeOfDay));
    if (Duration.between(runStart, at).toHours() <= -12) {
      at = at.plusDays(1);
    }
    return at.toInstant();
  }
}
