package dev.remedia.activities.certs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an operator's command (a reload, a DNS hook) without a shell: the arguments are passed as they
 * are, so a domain name or token can never be read as shell syntax.
 */
public final class CommandRunner {

  /** The most output kept for the timeline; the rest is cut. */
  static final int MAX_OUTPUT = 2000;

  /** How a command ended; {@code output} is its stdout and stderr together, cut to a readable size. */
  public record Outcome(int exitCode, String output, boolean timedOut) {

    public boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    /** One line for the timeline. */
    public String describe() {
      String status = timedOut ? "timed out" : exitCode == 0 ? "ok" : "exited with " + exitCode;
      return output.isBlank() ? status : status + ": " + output.strip().replaceAll("\\s*\\n\\s*", " | ");
    }
  }

  private CommandRunner() {}

  public static Outcome run(List<String> command, Duration timeout) throws IOException {
    // Output goes to a file, not a pipe, so a chatty command can never block on a full pipe.
    Path log = Files.createTempFile("remedia-command", ".log");
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      process.getOutputStream().close();
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + command.get(0), e);
      }
      if (!finished) {
        process.destroyForcibly();
      }
      return new Outcome(finished ? process.exitValue() : -1, output(log), !finished);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String output(Path log) throws IOException {
    try (InputStream in = Files.newInputStream(log)) {
      String text = new String(in.readNBytes(MAX_OUTPUT + 1), StandardCharsets.UTF_8);
      return text.length() > MAX_OUTPUT ? text.substring(0, MAX_OUTPUT) + "..." : text;
    }
  }
}
