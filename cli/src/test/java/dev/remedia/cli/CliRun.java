package dev.remedia.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Runs one {@code remedia} command line in-process, with its own environment, and keeps what it printed. */
public final class CliRun {

  /** What a command line printed and how it exited. */
  public record Result(int exitCode, String out, String err) {

    public List<String> outLines() {
      return out.lines().toList();
    }

    /** Everything printed, for assertion messages. */
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private CliRun() {}

  public static Result run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Remedia.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
