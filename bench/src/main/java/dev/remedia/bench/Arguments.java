package dev.remedia.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A driver's command line as {@code --name value} (or {@code --name=value}) pairs. Each option is taken
 * once by its reader; {@link #rejectUnknown} then refuses whatever no reader took, so a misspelt option
 * fails instead of silently falling back to its default.
 */
final class Arguments {

  private final Map<String, String> values;

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
    return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  int positive(String name, int fallback) {
    int value = atLeastZero(name, fallback);
    if (value == 0) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return value;
  }

  int atLeastZero(String name, int fallback) {
    String text = values.remove(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < 0) {
        throw new IllegalArgumentException("--" + name + " must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'");
    }
  }

  void rejectUnknown() {
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
    }
  }
}
