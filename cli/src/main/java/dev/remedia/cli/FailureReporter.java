package dev.remedia.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where a command's failure becomes a line on stderr and an exit status. Anything else
 * is a bug, and picocli shows its stack trace.
 */
final class FailureReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed)
      throws Exception {
    if (failure instanceof ApiFailure api) {
      command.getErr().println("remedia: " + api.getMessage());
      return api.exitCode();
    }
    if (failure instanceof UsageError usage) {
      String name = command.getCommandSpec().qualifiedName();
      command.getErr().println(name + ": " + usage.getMessage());
      command.getErr().println("Try '" + name + " --help'.");
      return ExitCodes.USAGE;
    }
    throw failure;
  }
}
