package dev.remedia.api.e2e;

import dev.remedia.api.ApiTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Alertmanager (Debian's package) that delivers to a Remedia webhook with a bearer
 * token. Alerts are fed through its own v2 API, as Prometheus would.
 */
final class AlertmanagerProcess implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Process process;
  private final Path directory;
  private final int port;

  private AlertmanagerProcess(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /** Starts an Alertmanager that groups by alertname and flushes every second. */
  static AlertmanagerProcess start(Path executable, String webhookUrl, String token) throws Exception {
    Path directory = Files.createTempDirectory("alertmanager");
    Path config = directory.resolve("alertmanager.yml");
    Files.writeString(
        config,
        """
        route:
          receiver: remedia
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: remedia
            webhook_configs:
              - url: %s
                send_resolved: true
                http_config:
                  authorization:
                    credentials: %s
        """
            .formatted(webhookUrl, token));
    int port = ApiTestSupport.freePort();
    Process process =
        new ProcessBuilder(
                List.of(
                    executable.toString(),
                    "--config.file=" + config,
                    "--storage.path=" + directory.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=",
                    "--log.level=warn"))
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("alertmanager.log").toFile())
            .start();
    AlertmanagerProcess alertmanager = new AlertmanagerProcess(process, directory, port);
    alertmanager.awaitReady();
    return alertmanager;
  }

  /** Posts alerts (a JSON array in Alertmanager's v2 API shape) as Prometheus does. */
  void post(String alertsJson) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alertsJson))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("Alertmanager refused the alerts: " + response.statusCode() + " " + response.body());
    }
  }

  String log() {
    try {
      return Files.readString(directory.resolve("alertmanager.log"));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Alertmanager exited:\n" + log());
      }
      try {
        if (CLIENT.send(HttpRequest.newBuilder(uri("/-/ready")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // Keep waiting.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Alertmanager was not ready within 30 s:\n" + log());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
