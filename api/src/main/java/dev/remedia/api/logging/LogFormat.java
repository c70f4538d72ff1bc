package dev.remedia.api.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Chooses how log lines are written, for {@code logback.xml}: {@code json} (one JSON object per line,
 * for log shippers) or {@code plain} (for people). {@code REMEDIA_LOG_FORMAT} decides when set;
 * otherwise production (a {@code TEMPORAL_ADDRESS}) gets JSON and dev mode plain text. Logging starts
 * before the application's configuration is read, so this looks at the environment itself (or at
 * system properties of the same names).
 */
public final class LogFormat extends PropertyDefinerBase {

  static final String JSON = "json";
  static final String PLAIN = "plain";

  @Override
  public String getPropertyValue() {
    return choose(name -> System.getProperty(name, System.getenv(name)), this::addWarn);
  }

  static String choose(UnaryOperator<String> environment, Consumer<String> warnings) {
    String fallback = isBlank(environment.apply("TEMPORAL_ADDRESS")) ? PLAIN : JSON;
    String asked = environment.apply("REMEDIA_LOG_FORMAT");
    if (isBlank(asked)) {
      return fallback;
    }
    String format = asked.strip().toLowerCase(Locale.ROOT);
    if (format.equals(JSON) || format.equals(PLAIN)) {
      return format;
    }
    warnings.accept("REMEDIA_LOG_FORMAT must be json or plain, not '" + asked + "'; logging " + fallback);
    return fallback;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
