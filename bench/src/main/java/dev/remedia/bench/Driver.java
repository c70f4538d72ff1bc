package dev.remedia.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * What every driver's {@code main} does around its measurement. The output goes to stdout and progress
 * to stderr; exit status 0 means the driver ran, whether or not the targets were met, 2 is a bad
 * command line and 1 any other failure of the driver itself.
 */
final class Driver {

  private static volatile String name = "bench";

  private Driver() {}

  /**
   * @param setUp parses the command line (an {@link IllegalArgumentException} is a usage error) and
   *     answers the work, which returns the text to print
   */
  static void main(String driverName, String usage, String[] args, Function<String[], Callable<String>> setUp) {
    name = driverName;
    Callable<String> work;
    try {
      work = setUp.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.err.print(usage);
      System.exit(2);
      return;
    }
    try {
      System.out.println(work.call());
      System.exit(0);
    } catch (Exception e) {
      System.err.println(name + ": the driver failed: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  /** What every report opens with: the benchmark, when and where it ran, and its settings. */
  static Map<String, Object> openReport(String benchmark, Map<String, Object> config) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", benchmark);
    report.put("startedAt", Instant.now().toString());
    report.put("machine", Machine.describe());
    report.put("config", config);
    return report;
  }

  /** Names this run's data in Remedia, so runs against the same instance do not mix. */
  static String runId() {
    return String.format("%08x", ThreadLocalRandom.current().nextInt());
  }

  static String json(Map<String, Object> report) throws JsonProcessingException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
  }

  static void progress(String format, Object... args) {
    System.err.printf("[%s %s] %s%n", name, Instant.now().toString().substring(11, 19), String.format(format, args));
  }
}
