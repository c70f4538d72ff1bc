package dev.remedia.api.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape read the way Prometheus reads the text format 0.0.4: every line must be a HELP or TYPE
 * comment or a sample, each family typed once; samples are kept by their series (name and labels as
 * written) for the test to look up.
 */
final class Exposition {

  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");

  private final Map<String, Double> samples = new LinkedHashMap<>();
  private final Map<String, String> types = new LinkedHashMap<>();

  static Exposition parse(String text) {
    Exposition exposition = new Exposition();
    for (String line : text.split("\n")) {
      exposition.read(line);
    }
    return exposition;
  }

  private void read(String line) {
    if (line.startsWith("# HELP ")) {
      return;
    }
    Matcher type = TYPE.matcher(line);
    if (type.matches()) {
      if (types.put(type.group(1), type.group(2)) != null) {
        throw new AssertionError("family typed twice: " + line);
      }
      return;
    }
    Matcher sample = SAMPLE.matcher(line);
    if (!sample.matches()) {
      throw new AssertionError("not a line of the Prometheus text format: '" + line + "'");
    }
    String labels = sample.group(2) == null ? "" : sample.group(2);
    checkLabels(labels, line);
    samples.put(sample.group(1) + labels, number(sample.group(3)));
  }

  private static void checkLabels(String labels, String line) {
    if (labels.isEmpty()) {
      return;
    }
    String inner = labels.substring(1, labels.length() - 1);
    Set<String> names = new HashSet<>();
    Matcher label = LABEL.matcher(inner);
    int end = 0;
    while (label.find() && label.start() == end) {
      if (!names.add(label.group(1))) {
        throw new AssertionError("label repeated: " + line);
      }
      end = label.end() + (label.end() < inner.length() && inner.charAt(label.end()) == ',' ? 1 : 0);
    }
    if (end != inner.length()) {
      throw new AssertionError("malformed labels: " + line);
    }
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** The value of one series, written exactly as {@code /metrics} writes it; null when absent. */
  Double value(String series) {
    return samples.get(series);
  }

  /** How much a counter grew since {@code earlier}; a series not there yet counted 0. */
  double increaseSince(Exposition earlier, String series) {
    Double now = value(series);
    if (now == null) {
      throw new AssertionError("no series " + series);
    }
    Double then = earlier.value(series);
    return now - (then == null ? 0 : then);
  }

  String type(String family) {
    return types.get(family);
  }

  /** Whether some series of {@code name} carries every label given as {@code key="value"}. */
  boolean has(String name, String... labels) {
    return samples.keySet().stream()
        .filter(series -> series.startsWith(name + "{"))
        .anyMatch(series -> Arrays.stream(labels).allMatch(series::contains));
  }
}
