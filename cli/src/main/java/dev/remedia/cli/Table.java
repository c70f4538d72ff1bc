package dev.remedia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows under a header, in columns as wide as their widest cell; the last column is never padded. */
public final class Table {

  private static final String GAP = "  ";

  private final List<String[]> rows = new ArrayList<>();

  public Table(String... headers) {
    rows.add(headers);
  }

  /** Adds a row; each cell is a string or a JSON value, and a missing or null value shows as "-". */
  public Table row(Object... cells) {
    String[] row = new String[rows.get(0).length];
    for (int i = 0; i < row.length; i++) {
      row[i] = text(i < cells.length ? cells[i] : null);
    }
    rows.add(row);
    return this;
  }

  public void print(PrintWriter out) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s", row[i]) + GAP);
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** A value as one line of text: a monitor's summary may hold newlines or terminal escapes. */
  public static String text(Object value) {
    String text;
    if (value instanceof JsonNode node) {
      text = node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    } else {
      text = value == null ? null : value.toString();
    }
    return text == null || text.isEmpty() ? "-" : text.replaceAll("\\p{Cntrl}", " ");
  }
}
