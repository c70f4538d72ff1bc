package dev.remedia.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Remedia's HTTP API as the commands use it: JSON in, JSON out, and every unsuccessful answer turned
 * into an {@link ApiFailure} that carries the problem's detail. The bearer token goes into the
 * Authorization header and nowhere else.
 */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_SHOWN_BODY_CHARS = 200;

  // HTTP/1.1: the JDK's default asks plain-HTTP servers to upgrade to HTTP/2, which gains nothing here.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();
  private final URI base;
  private final String token;

  /**
   * @param base Remedia's base URL, without a trailing slash
   * @param token the bearer token, or null to send none
   */
  ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public JsonNode get(ApiPath path) {
    return send(request(path).GET());
  }

  /** Posts {@code body} as JSON, or nothing when it is null. */
  public JsonNode post(ApiPath path, JsonNode body) {
    HttpRequest.Builder request = request(path);
    if (body == null) {
      return send(request.POST(HttpRequest.BodyPublishers.noBody()));
    }
    return send(
        request
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public JsonNode delete(ApiPath path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(ApiPath path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString() + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  /** The answer's JSON body; {@link MissingNode} when a success has no body (204). */
  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ApiFailure.unreachable(base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiFailure.interrupted();
    }
    int status = response.statusCode();
    String body = response.body();
    if (status >= 200 && status < 300) {
      if (body.isBlank()) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw ApiFailure.notTheApi(base, "HTTP " + status + " with a body that is not JSON");
      }
    }
    throw failure(status, body);
  }

  private ApiFailure failure(int status, String body) {
    JsonNode problem = problem(body);
    String detail = problem.path("detail").asText("");
    if (detail.isEmpty() && !problem.isObject()) {
      detail = shortened(body);
    }
    if (status == 401 && token == null) {
      detail = (detail.isEmpty() ? "" : detail + "; ") + "set REMEDIA_TOKEN or pass --token";
    }
    return ApiFailure.answered(status, problem.path("title").asText(""), detail);
  }

  private static JsonNode problem(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private static String shortened(String body) {
    String line = body.strip().replaceAll("[\\s\\p{Cntrl}]+", " ");
    return line.length() <= MAX_SHOWN_BODY_CHARS ? line : line.substring(0, MAX_SHOWN_BODY_CHARS) + "...";
  }
}
