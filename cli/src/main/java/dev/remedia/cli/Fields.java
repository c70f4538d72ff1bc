package dev.remedia.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** One record shown as "Label:  value" lines, values aligned. */
public final class Fields {

  private final List<String[]> lines = new ArrayList<>();

  /** Adds a line; the value is a string or a JSON value, "-" when missing. */
  public Fields add(String label, Object value) {
    lines.add(new String[] {label + ":", Table.text(value)});
    return this;
  }

  public void print(PrintWriter out) {
    int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
    for (String[] line : lines) {
      out.println(String.format("%-" + width + "s  %s", line[0], line[1]));
    }
  }
}
