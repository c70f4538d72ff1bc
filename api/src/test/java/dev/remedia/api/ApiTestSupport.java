package dev.remedia.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to the application over real HTTP, as a client would, and gives each test context its own
 * in-process Temporal port and a random HTTP port (not application.yml's 8080) so test classes never
 * collide with each other, with other builds on the machine or with a running dev server. Requests to
 * {@code /api} carry {@link #ADMIN_TOKEN}, the context's configured admin token, unless they carry an
 * {@code Authorization} header of their own or go through {@link #sendAs} with another token or none.
 */
public abstract class ApiTestSupport implements TestPropertyProvider {

  protected static final ObjectMapper JSON = new ObjectMapper();
  /** The admin token every test context is configured with ({@code REMEDIA_ADMIN_TOKEN}). */
  protected static final String ADMIN_TOKEN = "rmd_test-admin-token-7d1f0c9e2b4a";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "remedia.temporal.dev-port", String.valueOf(freePort()),
        "micronaut.server.port", "-1",
        "remedia.admin-token", ADMIN_TOKEN);
  }

  @Inject EmbeddedServer server;

  protected URI baseUri() {
    return server.getURI();
  }

  protected HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(baseUri().resolve(path)).GET());
  }

  protected HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(baseUri().resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts a JSON alert to {@code /webhooks/{source}} with the source's bearer token, as a monitor does. */
  protected HttpResponse<String> postWithToken(String source, String token, String body) {
    return send(
        HttpRequest.newBuilder(baseUri().resolve("/webhooks/" + source))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends the request; one to {@code /api} without an Authorization header gets the admin token's. */
  protected HttpResponse<String> send(HttpRequest.Builder request) {
    return sendAs(ADMIN_TOKEN, request);
  }

  /**
   * Sends the request; one to {@code /api} without an Authorization header gets {@code token}'s, or
   * none when {@code token} is null.
   */
  protected HttpResponse<String> sendAs(String token, HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
    if (token != null
        && built.uri().getPath().startsWith("/api")
        && built.headers().firstValue("Authorization").isEmpty()) {
      built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", "Bearer " + token).build();
    }
    try {
      return CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates an API token with the admin token and answers its value.
   *
   * @param person the person it acts as, or null
   */
  protected String createToken(String name, String role, String person) {
    String body =
        person == null
            ? "{\"name\": \"%s\", \"role\": \"%s\"}".formatted(name, role)
            : "{\"name\": \"%s\", \"role\": \"%s\", \"person\": \"%s\"}".formatted(name, role, person);
    HttpResponse<String> created = post("/api/tokens", "application/json", body);
    if (created.statusCode() != 201) {
      throw new AssertionError("creating token " + name + " answered " + created.statusCode() + ": " + created.body());
    }
    return json(created).get("token").asText();
  }

  /** Writes an operator configuration to a temporary file and returns the property pointing at it. */
  protected static Map<String, String> operatorConfig(String yaml) {
    try {
      Path config = Files.createTempFile("remedia-test", ".yml");
      Files.writeString(config, yaml);
      config.toFile().deleteOnExit();
      return Map.of("remedia.config-file", config.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls until {@code probe} answers non-null: the workflows write the read model a moment later. */
  protected static <T> T eventually(Supplier<T> probe) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the expected state was not reached within 30 s");
  }

  protected static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** Temporal service stubs aimed at a port nothing listens on, with a short deadline. */
  public static WorkflowServiceStubs unreachableTemporal() {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget("127.0.0.1:" + freePort())
            .setRpcTimeout(Duration.ofSeconds(2))
            .build());
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
