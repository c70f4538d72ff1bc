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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A driver's connection to Remedia, and the read side of its API that the checks use. The HTTP client
 * speaks HTTP/1.1, as monitors do, with four daemon threads for the answers (the default executor
 * starts a thread per concurrent answer, which competes with Remedia for the same cores); load runners
 * post through it too. Requests to {@code /api} carry the API token from {@code REMEDIA_API_TOKEN}, or
 * else {@code REMEDIA_ADMIN_TOKEN} (the environment, so the token shows in no process listing).
 */
final class RemediaApi {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(4, VisibilityCheck.daemon()))
          .build();
  private final ObjectMapper json = new ObjectMapper();
  private final URI base;
  private final Duration timeout;
  private final String apiToken;

  /** @param timeout for each request */
  RemediaApi(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    String token = System.getenv("REMEDIA_API_TOKEN");
    this.apiToken = token == null || token.isBlank() ? System.getenv("REMEDIA_ADMIN_TOKEN") : token;
  }

  /** The API token for {@code /api}, or null when the environment has none. */
  String apiToken() {
    return apiToken;
  }

  HttpClient client() {
    return client;
  }

  ObjectMapper json() {
    return json;
  }

  URI url(String path) {
    return URI.create(base + path);
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * Waits up to {@code seconds} for {@code GET /health} to answer 200 (0: asks once).
   *
   * @throws IllegalStateException when it did not
   */
  void requireHealthy(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    do {
      try {
        if (get("/health").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new IllegalStateException(base + "/health did not answer 200"
        + (seconds > 0 ? " within " + seconds + " s" : "; is Remedia running there?"));
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

  /** The incidents in the order of their ids, {@code concurrency} requests at a time. */
  List<JsonNode> incidents(List<String> ids, int concurrency) throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, VisibilityCheck.daemon());
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (String id : ids) {
        answers.add(pool.submit(() -> incident(id)));
      }
      List<JsonNode> incidents = new ArrayList<>();
      for (Future<JsonNode> answer : answers) {
        incidents.add(answer.get());
      }
      return incidents;
    } catch (ExecutionException e) {
      throw new IOException("reading the incidents failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
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
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(timeout).GET();
    if (apiToken != null && path.startsWith("/api")) {
      request.header("Authorization", "Bearer " + apiToken);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
