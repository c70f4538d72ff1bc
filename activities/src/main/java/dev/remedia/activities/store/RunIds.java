package dev.remedia.activities.store;

import java.util.regex.Pattern;

/**
 * What a run id can look like: the workflow ids Remedia makes ({@code <runbook>-<uuid>}) and ids of
 * runs started by other tools. Anything else (control characters, NUL bytes PostgreSQL refuses,
 * kilobytes of text) cannot name a run, and is turned away before it reaches a query.
 */
public final class RunIds {

  private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

  private RunIds() {}

  public static boolean plausible(String id) {
    return id != null && PLAUSIBLE.matcher(id).matches();
  }
}
