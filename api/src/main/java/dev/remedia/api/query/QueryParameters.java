package dev.remedia.api.query;

import dev.remedia.activities.store.PageCursor;
import dev.remedia.api.problem.ApiProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reads list-query parameters the same way for every listing: blank means "not given", and anything
 * malformed is a 400 that names the parameter and what it accepts.
 */
public final class QueryParameters {

  public static final int DEFAULT_LIMIT = 50;

  // PostgreSQL's timestamps stop at 4713 BC and 294276 AD; a bound beyond them is refused by the
  // database, which would read as an outage. Stored times are all within these years.
  private static final Instant EARLIEST_STORED = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST_STORED = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private QueryParameters() {}

  /** An enum constant by name, case-insensitively, or null when not given. */
  public static <E extends Enum<E>> E oneOf(String parameter, String value, Class<E> type) {
    if (isBlank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(
          parameter + " must be one of " + Arrays.toString(type.getEnumConstants()) + " (got '" + value + "')");
    }
  }

  /**
   * Free text matched against stored text, stripped, or null when not given. Control characters (NUL,
   * which PostgreSQL refuses) and text longer than the column are refused.
   */
  public static String text(String parameter, String value, int maxChars) {
    if (isBlank(value)) {
      return null;
    }
    String text = value.strip();
    if (text.length() > maxChars || text.chars().anyMatch(Character::isISOControl)) {
      throw ApiProblem.badRequest(
          parameter + " must be at most " + maxChars + " characters without control characters");
    }
    return text;
  }

  public static int limit(String limit, int max) {
    if (isBlank(limit)) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same answer as an out-of-range number.
    }
    throw ApiProblem.badRequest("limit must be a whole number from 1 to " + max + " (got '" + limit + "')");
  }

  public static PageCursor cursor(String cursor) {
    if (isBlank(cursor)) {
      return null;
    }
    PageCursor decoded;
    try {
      decoded = PageCursor.decode(cursor.strip());
    } catch (IllegalArgumentException e) {
      decoded = null;
    }
    if (decoded == null || !storable(decoded.at())) {
      throw badCursor();
    }
    return decoded;
  }

  /**
   * Runs a keyset listing. A store refuses a cursor it cannot place with IllegalArgumentException; the
   * client hears the same as for a cursor that does not decode.
   */
  public static <T> T listed(Supplier<T> listing) {
    try {
      return listing.get();
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
  }

  private static ApiProblem badCursor() {
    return ApiProblem.badRequest("cursor is not one this API handed out; start again without it");
  }

  /** An ISO-8601 time with an offset, for instance {@code 2026-11-21T09:00:00Z}, or null. */
  public static Instant instant(String parameter, String value) {
    if (isBlank(value)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(
          parameter + " must be an ISO-8601 time with an offset, like 2026-11-21T09:00:00Z (got '" + value + "')");
    }
  }

  /**
   * Like {@link #instant}, for a bound compared with stored times: from year 1 to year 9999.
   */
  public static Instant storedInstant(String parameter, String value) {
    Instant instant = instant(parameter, value);
    if (instant != null && !storable(instant)) {
      throw ApiProblem.badRequest(
          parameter + " must be a time from year 1 to year 9999 (got '" + value + "')");
    }
    return instant;
  }

  private static boolean storable(Instant instant) {
    return !instant.isBefore(EARLIEST_STORED) && !instant.isAfter(LATEST_STORED);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
