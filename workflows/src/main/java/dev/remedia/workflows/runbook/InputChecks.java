package dev.remedia.workflows.runbook;

/**
 * The checks runbook input records share in their constructors. Messages name the field and the rule,
 * because the API hands them to the person who sent the input.
 */
public final class InputChecks {

  private InputChecks() {}

  /** {@code value} within [min, max], or {@code fallback} when absent. */
  public static int within(String field, Integer value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be from " + min + " to " + max);
    }
    return value;
  }

  /** A required text, stripped: present, not blank, at most {@code max} characters. */
  public static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return optional(field, value, max);
  }

  /** An optional text, stripped; null when absent. Blank or longer than {@code max} is refused. */
  public static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(field + " must be 1 to " + max + " characters");
    }
    return value.strip();
  }
}
