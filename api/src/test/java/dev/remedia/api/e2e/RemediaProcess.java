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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built jar, started with {@code java -jar} as a user would, its output captured in a file. It is
 * given {@link #ADMIN_TOKEN} in {@code REMEDIA_ADMIN_TOKEN} unless the test sets that variable itself
 * (blank: dev mode makes one and prints it, and {@link #adminToken} reads it from the output).
 */
final class RemediaProcess implements AutoCloseable {

  static final String ADMIN_TOKEN = "rmd_e2e-admin-token-5c2a9f81";
  private static final Pattern PRINTED_TOKEN = Pattern.compile("export REMEDIA_ADMIN_TOKEN=(rmd_[A-Za-z0-9_-]+)");

  private final Process process;
  private final Path output;
  private final int httpPort;
  private final String configuredToken;

  private RemediaProcess(Process process, Path output, int httpPort, String configuredToken) {
    this.process = process;
    this.output = output;
    this.httpPort = httpPort;
    this.configuredToken = configuredToken;
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
    builder.environment().put("REMEDIA_ADMIN_TOKEN", ADMIN_TOKEN);
    builder.environment().putAll(environment);
    return new RemediaProcess(builder.start(), output, httpPort, builder.environment().get("REMEDIA_ADMIN_TOKEN"));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  /** A request to {@code path} with the admin token, as a script or the CLI sends it. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + adminToken());
  }

  /** The configured admin token, or the one dev mode printed at start-up. */
  String adminToken() {
    if (configuredToken != null && !configuredToken.isBlank()) {
      return configuredToken;
    }
    Matcher printed = PRINTED_TOKEN.matcher(output());
    if (!printed.find()) {
      throw new AssertionError("Remedia printed no admin token:\n" + output());
    }
    return printed.group(1);
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
