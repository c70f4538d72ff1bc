package dev.remedia.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A driver's command line as {@code --name value} (or {@code --name=value}) pairs. Each option is taken
 * once by its reader; {@link #rejectUnknown} then refuses whatever no reader took, so a misspelt option
 * fails instead of silently falling back to its default. The URL and the numbers read, defaults
 * included, are kept for the report ({@link #settings}); free text is not, as it may be a secret.
 */
final class Arguments {

  private final Map<String, String> values;
  private final Map<String, Object> settings = new LinkedHashMap<>();

  private Arguments(Map<String, String> values) {
    this.values = values;
  }

  static Arguments parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected an option like --rate, got '" + arg + "'");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException("--" + name + " is given twice");
      }
    }
    return new Arguments(values);
  }

  /** The value, or null when the option is absent. */
  String text(String name) {
    return values.remove(name);
  }

  /** Remedia's base URL without a trailing slash; required unless {@code required} is false. */
  URI url(boolean required) {
    String base = values.remove("url");
    if (base == null) {
      if (required) {
        throw new IllegalArgumentException("--url is required");
      }
      return null;
    }
    URI url = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    settings.put("url", url.toString());
    return url;
  }

  int positive(String name, int fallback) {
    int value = atLeastZero(name, fallback);
    if (value == 0) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return value;
  }

  int atLeastZero(String name, int fallback) {
    int value = number(name, fallback, Integer::parseInt, "a whole number");
    if (value < 0) {
      throw new IllegalArgumentException("--" + name + " must not be negative");
    }
    return value;
  }

  /** A fraction from 0 to 1, like {@code 0.5}. */
  double fraction(String name, double fallback) {
    double value = number(name, fallback, Double::parseDouble, "a number from 0 to 1");
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("--" + name + " must be from 0 to 1, got " + value);
    }
    return value;
  }

  void rejectUnknown() {
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
    }
  }

  /** The settings read, as {@code --single-posts} becomes {@code singlePosts}, in the order read. */
  Map<String, Object> settings() {
    return new LinkedHashMap<>(settings);
  }

  private <T> T number(String name, T fallback, Function<String, T> parse, String expected) {
    String text = values.remove(name);
    T value;
    try {
      value = text == null ? fallback : parse.apply(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be " + expected + ", got '" + text + "'");
    }
    settings.put(camelCase(name), value);
    return value;
  }

  private static String camelCase(String option) {
    StringBuilder name = new StringBuilder();
    for (String part : option.split("-")) {
      name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return name.toString();
  }
}
