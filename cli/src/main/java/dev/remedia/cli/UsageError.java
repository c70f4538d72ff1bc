package dev.remedia.cli;

/** A command line that parses but cannot be carried out as written: bad JSON input, a blank id. */
public final class UsageError extends RuntimeException {

  public UsageError(String message) {
    super(message);
  }
}
