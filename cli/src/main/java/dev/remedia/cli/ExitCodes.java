package dev.remedia.cli;

/** The exit status of every command, so scripts can tell "try again later" from "fix the request". */
public final class ExitCodes {

  public static final int OK = 0;
  /** {@code follow} (or {@code trigger --follow}): the run ended without succeeding. */
  public static final int RUN_DID_NOT_SUCCEED = 1;
  /** The command line was wrong; picocli uses the same number for its own parse errors. */
  public static final int USAGE = 2;
  /** Remedia refused the request (HTTP 4xx): sending it again unchanged will not help. */
  public static final int REFUSED = 3;
  /** Remedia failed (HTTP 5xx), answered something that is not its API, or could not be reached. */
  public static final int UNAVAILABLE = 4;

  private ExitCodes() {}
}
