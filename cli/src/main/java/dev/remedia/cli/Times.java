package dev.remedia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The API's ISO-8601 instants, shown in the terminal's time zone to the second. */
public final class Times {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Times() {}

  /** "2024-07-03 14:02:11", or "-" for no time. */
  public static String dateTime(JsonNode instant) {
    return format(instant, DATE_TIME);
  }

  /** "14:02:11", or "-" for no time. */
  public static String time(JsonNode instant) {
    return format(instant, TIME);
  }

  private static String format(JsonNode instant, DateTimeFormatter format) {
    if (instant == null || !instant.isTextual()) {
      return "-";
    }
    try {
      return format.format(Instant.parse(instant.asText()).atZone(ZoneId.systemDefault()));
    } catch (DateTimeParseException e) {
      return instant.asText();
    }
  }
}
