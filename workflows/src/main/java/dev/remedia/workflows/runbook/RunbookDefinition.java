package dev.remedia.workflows.runbook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the worker and the catalog need to know about one runbook. The name is also the pinned Temporal
 * workflow type, so renaming a class never breaks running executions.
 *
 * @param name           the catalog name and workflow type, for instance {@code http-check}
 * @param description    one sentence for people browsing the catalog
 * @param inputType      the record a run takes; its canonical constructor validates and fills defaults
 * @param implementation the workflow implementation class registered with the worker
 */
public record RunbookDefinition(
    String name, String description, Class<? extends Record> inputType, Class<?> implementation) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");

  public RunbookDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(implementation, "implementation");
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "runbook name '" + name + "' must be lower-case letters, digits and dashes");
    }
  }

  public static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }
}
