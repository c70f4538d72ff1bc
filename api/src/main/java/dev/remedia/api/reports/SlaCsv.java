package dev.remedia.api.reports;

import dev.remedia.workflows.paging.PageChannel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SLA report as CSV (RFC 4180): a header row, one row per group and a last row for everything, CRLF
 * line ends; a field with a comma, a quote or a line break is quoted, its quotes doubled. Empty fields
 * are figures that do not exist (no durations to take a median of).
 */
final class SlaCsv {

  static final String MEDIA_TYPE = "text/csv";

  private SlaCsv() {}

  static String write(SlaReport report) {
    StringBuilder csv = new StringBuilder();
    line(csv, header());
    for (SlaFigures group : report.groups()) {
      line(csv, row("group", group));
    }
    line(csv, row("total", report.total()));
    return csv.toString();
  }

  private static List<String> header() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "row", "group", "incidents", "acknowledged", "resolved",
                "timeToAcknowledgeMedianSeconds", "timeToAcknowledgeP90Seconds", "timeToAcknowledgeMaxSeconds",
                "timeToResolveMedianSeconds", "timeToResolveP90Seconds", "timeToResolveMaxSeconds",
                "resolvedAutomatically", "resolvedByPeople"));
    for (PageChannel channel : PageChannel.values()) {
      String name = channel.name().toLowerCase(Locale.ROOT);
      names.add("pagesSent" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
    names.addAll(List.of("runs", "runsSucceeded", "runsFailed", "runsCancelled", "runsRunning", "runSuccessRate"));
    return names;
  }

  private static List<String> row(String kind, SlaFigures figures) {
    List<String> fields = new ArrayList<>();
    fields.add(kind);
    fields.add(figures.group() == null ? "" : text(figures.group()));
    fields.add(number(figures.incidents()));
    fields.add(number(figures.acknowledged()));
    fields.add(number(figures.resolved()));
    durations(fields, figures.timeToAcknowledge());
    durations(fields, figures.timeToResolve());
    fields.add(number(figures.resolutions().automatic()));
    fields.add(number(figures.resolutions().human()));
    for (PageChannel channel : PageChannel.values()) {
      fields.add(number(figures.pagesSent().get(channel.name())));
    }
    SlaFigures.Runs runs = figures.runs();
    fields.add(number(runs.total()));
    fields.add(number(runs.succeeded()));
    fields.add(number(runs.failed()));
    fields.add(number(runs.cancelled()));
    fields.add(number(runs.running()));
    fields.add(runs.successRate() == null ? "" : BigDecimal.valueOf(runs.successRate()).stripTrailingZeros().toPlainString());
    return fields;
  }

  private static void durations(List<String> fields, Durations durations) {
    fields.add(number(durations.medianSeconds()));
    fields.add(number(durations.p90Seconds()));
    fields.add(number(durations.maxSeconds()));
  }

  private static String number(Long value) {
    return value == null ? "" : value.toString();
  }

  /**
   * A group name comes from alert labels, which monitors and whoever writes alerts control. A cell that
   * starts like a formula would run as one in a spreadsheet, so it is kept as text with a leading quote.
   */
  private static String text(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(fields.get(i)));
    }
    csv.append("\r\n");
  }

  private static String quoted(String field) {
    boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
