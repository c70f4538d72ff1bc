package dev.remedia.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.store.AuditLog;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Request limits with small settings: 3 requests at once and 1 a second per token and per source, 1 s
 * per request, 3 s of silence per connection. Each test uses its own token or source, so their buckets
 * do not mix.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class LimitsApiTest extends ApiTestSupport {

  @Inject AuditLog audit;

  private String patient;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("remedia.limits.api-rate", "1");
    properties.put("remedia.limits.api-burst", "3");
    properties.put("remedia.limits.webhook-rate", "1");
    properties.put("remedia.limits.webhook-burst", "3");
    properties.put("remedia.limits.request-timeout", "1s");
    properties.put("micronaut.server.idle-timeout", "3s");
    properties.put("remedia.slack.signing-secret", "limits-test-signing-secret");
    properties.put(SlowController.ENABLED, "true");
    return properties;
  }

  @Test
  void aTokenOverItsRateHears429WithRetryAfterWhileAnotherTokenGoesOn() {
    String noisy = createToken("noisy-script", "viewer", null);
    String quiet = createToken("quiet-script", "viewer", null);

    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> limited = null;
    for (int i = 0; i < 4; i++) {
      limited = getAs(noisy, "/api/runs");
      statuses.add(limited.statusCode());
    }

    assertEquals(List.of(200, 200, 200, 429), statuses);
    assertEquals("application/problem+json", limited.headers().firstValue("Content-Type").orElse(""));
    int retryAfter = Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
    assertEquals(
        "too many requests from the token 'noisy-script': the limit is 1 a second, 3 at once; retry after " + retryAfter + " s",
        json(limited).get("detail").asText());
    assertEquals(200, getAs(quiet, "/api/runs").statusCode(), "another token is not slowed down");
  }

  @Test
  void requestsWithoutAValidTokenAreLimitedByAddress() {
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> limited = null;
    for (int i = 0; i < 4; i++) {
      limited = getAs("rmd_guess-" + i, "/api/runs");
      statuses.add(limited.statusCode());
    }

    assertEquals(List.of(401, 401, 401, 429), statuses);
    assertTrue(json(limited).get("detail").asText().matches("too many requests from \\S+ without a valid API token: .*"),
        limited.body());
  }

  @Test
  void aWebhookSourceOverItsRateHears429WhileOtherSourcesGoOn() {
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> limited = null;
    for (int i = 0; i < 4; i++) {
      limited = post("/webhooks/datadog", "application/json", "{}");
      statuses.add(limited.statusCode());
    }

    assertEquals(List.of(400, 400, 400, 429), statuses, "the payload is refused, then the source is limited");
    assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    assertTrue(
        json(limited).get("detail").asText().startsWith(
            "too many requests from the webhook source 'datadog': the limit is 1 a second, 3 at once; retry after "),
        limited.body());
    assertEquals(400, post("/webhooks/grafana", "application/json", "{}").statusCode());
  }

  @Test
  void aFloodOfUnsignedSlackCallbacksWritesABoundedNumberOfAuditEntries() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(post("/slack/interactions", "application/x-www-form-urlencoded", "payload=%7B%7D").statusCode());
    }

    assertEquals(List.of(401, 401, 401, 429, 429, 429, 429, 429, 429, 429), statuses);
    assertEquals(3, audit.forObject("slack", "interactions").size());
  }

  @Test
  void aRequestThatTakesTooLongIsAnswered503WithRetryAfter() {
    long started = System.nanoTime();
    HttpResponse<String> response = getAs(patient(), "/api/test/slow");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(503, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
    assertEquals("Remedia could not answer within 1 s; try again", json(response).get("detail").asText());
    assertTrue(took.toMillis() < SlowController.TAKES_MILLIS, "answered after " + took);
  }

  @Test
  void aBodyOverTheLimitIsRefused413() {
    HttpResponse<String> response =
        sendAs(patient(), HttpRequest.newBuilder(baseUri().resolve("/api/runbooks/http-check/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")));

    assertEquals(413, response.statusCode());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void aConnectionThatSendsNothingIsClosed() throws IOException {
    try (Socket socket = new Socket(baseUri().getHost(), baseUri().getPort())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /health HTTP/1.1\r\nHost: remedia\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long started = System.nanoTime();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      while (in.read(buffer) >= 0) {
        // Anything the server says before it closes is fine; the close is what counts.
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(took.toMillis() >= 2_000 && took.toMillis() < 10_000, "closed after " + took);
    }
  }

  /** The token of the slow and the large request; with the two of the rate test, the admin token's burst of 3. */
  private synchronized String patient() {
    if (patient == null) {
      patient = createToken("patient-script", "operator", null);
    }
    return patient;
  }

  private HttpResponse<String> getAs(String token, String path) {
    return sendAs(token, HttpRequest.newBuilder(baseUri().resolve(path)).GET());
  }
}
