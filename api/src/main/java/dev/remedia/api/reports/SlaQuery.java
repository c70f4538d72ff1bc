package dev.remedia.api.reports;

import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.query.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The checked parameters of {@code GET /api/reports/sla}. {@code to} defaults to now and {@code from} to
 * 7 days before {@code to}; the window spans at most 366 days.
 *
 * @param csv whether to answer in CSV: {@code format=csv}, or no format and {@code Accept: text/csv}
 */
record SlaQuery(Instant from, Instant to, GroupBy groupBy, boolean csv) {

  static final Duration DEFAULT_SPAN = Duration.ofDays(7);
  static final Duration MAX_SPAN = Duration.ofDays(366);

  static SlaQuery of(String from, String to, String groupBy, String format, String accept, Instant now) {
    Instant start = QueryParameters.storedInstant("from", from);
    Instant end = QueryParameters.storedInstant("to", to);
    if (end == null) {
      end = now;
    }
    if (start == null) {
      start = end.minus(DEFAULT_SPAN);
    }
    if (start.isAfter(end)) {
      throw ApiProblem.badRequest("from must not be after to (got from " + start + " and to " + end + ")");
    }
    if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
      throw ApiProblem.badRequest(
          "the report spans at most " + MAX_SPAN.toDays() + " days (from " + start + " to " + end + " is "
              + Duration.between(start, end).toDays() + " days)");
    }
    return new SlaQuery(start, end, groupBy(groupBy), csv(format, accept));
  }

  private static GroupBy groupBy(String value) {
    if (value == null || value.isBlank()) {
      return GroupBy.SERVICE;
    }
    return Arrays.stream(GroupBy.values())
        .filter(groupBy -> groupBy.id().equals(value.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                ApiProblem.badRequest(
                    "groupBy must be one of " + Arrays.stream(GroupBy.values()).map(GroupBy::id).toList()
                        + " (got '" + value + "')"));
  }

  private static boolean csv(String format, String accept) {
    if (format == null || format.isBlank()) {
      return accept != null && accept.toLowerCase(Locale.ROOT).contains(SlaCsv.MEDIA_TYPE);
    }
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> true;
      case "json" -> false;
      default -> throw ApiProblem.badRequest("format must be json or csv (got '" + format + "')");
    };
  }
}
