package dev.remedia.api.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built jar, started with {@code java -jar} as a user would, its output captured in a file. */
final class RemediaProcess implements AutoCloseable {

  private final Process process;
  private final Path output;
  private final int httpPort;

  private RemediaProcess(Process process, Path output, int httpPort) {
    this.process = process;
    this.output = output;
    this.httpPort = httpPort;
  }

  static RemediaProcess start(int httpPort, Map<String, String> environment) throws IOException {
    String jar = System.getProperty("remedia.jar", "target/remedia.jar");
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException(jar + " is missing: run `mvn package` first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar));
    Path output = Files.createTempFile("remedia-e2e", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(httpPort));
    builder.environment().putAll(environment);
    return new RemediaProcess(builder.start(), output, httpPort);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  /** Waits until /health answers UP, or fails with the process output. */
  void awaitHealthy(Duration limit) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Remedia exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        HttpResponse<String> health =
            client.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // Keep waiting: the HTTP server starts last.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Remedia was not healthy within " + limit + ":\n" + output());
  }

  /** Waits for the process to exit by itself and answers its exit code. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("Remedia did not exit within " + limit + ":\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
