package dev.remedia.activities.certs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/** Finding the Debian programs these tests drive, and waiting for them to listen. */
public final class RealComponents {

  private RealComponents() {}

  /** Skips the test when {@code executable} is missing, or fails it when {@code CI} is set. */
  public static Path require(String executable, String debianPackage) {
    Path path = Path.of(executable);
    if (Files.isExecutable(path)) {
      return path;
    }
    String message = executable + " is missing: apt-get install -y " + debianPackage;
    if (System.getenv("CI") != null) {
      throw new AssertionError(message + " (CI must run this test, not skip it)");
    }
    Assumptions.abort(message);
    return path;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public static void awaitListening(int port, Duration timeout, Process process, Path log) throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("not listening on " + port + " after " + timeout + ": " + Files.readString(log));
  }

  public static void stop(Process process) throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
