package dev.remedia.api.query;

import dev.remedia.activities.store.PageCursor;
import dev.remedia.api.problem.ApiProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads list-query parameters the same way for every listing: blank means "not given", and anything
 * malformed is a 400 that names the parameter and what it accepts.
 */
public final class QueryParameters {

  public static final int DEFAULT_LIMIT = 50;

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
    try {
      return PageCursor.decode(cursor.strip());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("cursor is not one this API handed out; start again without it");
    }
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

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
