package dev.remedia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/** The read side of Remedia's API that the checks use. */
final class RemediaApi {

  private final HttpClient client;
  private final ObjectMapper json;
  private final URI base;
  private final Duration timeout;

  RemediaApi(HttpClient client, ObjectMapper json, URI base, Duration timeout) {
    this.client = client;
    this.json = json;
    this.base = base;
    this.timeout = timeout;
  }

  /**
   * The client every driver uses: HTTP/1.1, as monitors speak it, with four daemon threads for the
   * answers (the default executor starts a thread per concurrent answer, which competes with Remedia
   * for the same cores).
   */
  static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(4, VisibilityCheck.daemon()))
        .build();
  }

  /** Waits until {@code GET /health} answers 200; false when it did not within the time. */
  boolean awaitHealthy(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    do {
      try {
        if (get("/health").statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return false;
  }

  /** Every incident from the source, newest first, following the {@code next} cursor. */
  List<JsonNode> incidents(String source) throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      String path = "/api/incidents?source=" + source + "&limit=200"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page = getJson(path);
      page.path("items").forEach(all::add);
      cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
    } while (cursor != null);
    return all;
  }

  JsonNode incident(String id) throws IOException, InterruptedException {
    return getJson("/api/incidents/" + id);
  }

  /** The alert, or null when Remedia does not know it (404). */
  JsonNode alert(String id) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = get("/api/alerts/" + id);
    if (response.statusCode() == 404) {
      return null;
    }
    return parse("/api/alerts/" + id, response);
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    return parse(path, get(path));
  }

  private JsonNode parse(String path, HttpResponse<byte[]> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return json.readTree(response.body());
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
