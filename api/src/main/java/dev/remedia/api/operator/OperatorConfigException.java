package dev.remedia.api.operator;

import java.util.List;

/**
 * The operator configuration cannot be used. The message lists every problem found, one per line, each
 * naming the file, the line, and the field; it never contains a secret.
 */
public class OperatorConfigException extends RuntimeException {

  private final List<String> problems;

  OperatorConfigException(String file, List<String> problems) {
    super(message(file, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(String file, List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    return "the operator configuration " + file + " has " + problems.size() + " problems:\n"
        + String.join("\n", problems);
  }
}
