package dev.remedia.api.webhooks;

import static dev.remedia.activities.store.generated.Tables.ALERTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an attacker or a broken monitor sends: every refusal is a 4xx problem+json naming what was
 * wrong, and nothing of a refused delivery is stored, so there is never a half-created incident.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class WebhookBadInputApiTest extends WebhookTestSupport {

  private static final String GROUP = "{}/{severity=\\\"critical\\\"}:{alertname=\\\"HostDown\\\"}";

  @Inject DSLContext db;
  private int alertsBefore;

  @BeforeEach
  void countAlerts() {
    alertsBefore = db.fetchCount(ALERTS);
  }

  @AfterEach
  void nothingWasStored() {
    assertEquals(alertsBefore, db.fetchCount(ALERTS), "a refused delivery stored alerts");
  }

  static Stream<Arguments> refusedBodies() {
    String firing = fixture("alertmanager-firing");
    return Stream.of(
        Arguments.of("malformed JSON", "{\"alerts\": [", 400, "not valid JSON"),
        Arguments.of("not an object", "[1, 2]", 400, "JSON object"),
        Arguments.of("alerts missing", "{\"version\": \"4\", \"groupKey\": \"g\"}", 400, "alerts"),
        Arguments.of("status invalid", firing.replaceFirst("\"status\": \"firing\",\n      \"labels\"", "\"status\": \"exploded\",\n      \"labels\""), 400, "exploded"),
        Arguments.of("year 10000", firing.replace("2024-05-14T09:21:47.538Z", "+10000-01-01T00:00:00Z"), 400, "1970"),
        Arguments.of("NUL in a label", firing.replace("\"job\": \"node\"", "\"job\": \"no\\u0000de\""), 400, "NUL"),
        Arguments.of("lone surrogate", firing.replace("\"job\": \"node\"", "\"job\": \"\\ud800\""), 400, "Unicode"),
        Arguments.of("label not a string", firing.replace("\"job\": \"node\"", "\"job\": 7"), 400, "job"),
        Arguments.of("50,000 labels", manyLabels(50_000), 400, "labels"),
        Arguments.of("events: unknown severity",
            fixture("events-trigger").replace("\"severity\": \"error\"", "\"severity\": \"catastrophic\""), 400, "severity"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBodies")
  void refusedBodiesGetAProblemThatSaysWhy(String name, String body, int status, String detail) {
    String source = name.startsWith("events") ? "events" : "alertmanager";
    String token = source.equals("events") ? EVENTS_TOKEN : ALERTMANAGER_TOKEN;
    HttpResponse<String> response = postWithToken(source, token, body);

    assertProblem(response, status, detail);
  }

  @Test
  void invalidUtf8IsRefusedNotSilentlyReplaced() {
    byte[] body = fixture("alertmanager-firing").getBytes(StandardCharsets.UTF_8);
    int at = new String(body, StandardCharsets.UTF_8).indexOf("storage");
    body[at] = (byte) 0xC3;
    body[at + 1] = (byte) 0x28;
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(baseUri().resolve("/webhooks/alertmanager"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ALERTMANAGER_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertProblem(response, 400, "UTF-8");
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedWith413() {
    String huge = fixture("alertmanager-firing").replace("Host db-1.fra.example.net is down", "x".repeat(10 * 1024 * 1024));
    assertEquals(413, postWithToken("alertmanager", ALERTMANAGER_TOKEN, huge).statusCode());
  }

  @Test
  void theWrongContentTypeIsRefusedWith415() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(baseUri().resolve("/webhooks/alertmanager"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + ALERTMANAGER_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(fixture("alertmanager-firing"))));
    assertEquals(415, response.statusCode());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void anUnknownSourceIsNotFound() {
    assertProblem(postWithToken("nagios", "x", "{}"), 404, "sources are [alertmanager, grafana, datadog, events]");
  }

  @Test
  void aWrongTokenIsRefusedBeforeTheBodyIsRead() {
    assertProblem(postWithToken("alertmanager", "guess", "{not json at all"), 401, "the bearer token is wrong");
  }

  @Test
  void anEmptyBodyIsRefused() {
    assertProblem(postWithToken("alertmanager", ALERTMANAGER_TOKEN, ""), 400, "empty");
  }

  /** Seeded mutations of every captured payload: each answer is 202 or a 4xx problem, never a 5xx. */
  @Test
  void mutatedPayloadsNeverCauseA5xx() {
    long seed = 20261121L;
    Random random = new Random(seed);
    String[][] sources = {
      {"alertmanager", ALERTMANAGER_TOKEN, "alertmanager-firing"},
      {"datadog", DATADOG_TOKEN, "datadog-triggered"},
      {"events", EVENTS_TOKEN, "events-trigger"}
    };
    int accepted = 0;
    for (int i = 0; i < 150; i++) {
      String[] source = sources[i % sources.length];
      String body = mutate(fixture(source[2], GROUP, "fuzz-" + i), random);
      HttpResponse<String> response = postWithToken(source[0], source[1], body);
      assertTrue(
          response.statusCode() == 202 || (response.statusCode() >= 400 && response.statusCode() < 500),
          () -> "seed " + seed + " case " + " got " + response.statusCode() + " for " + body + "\n" + response.body());
      accepted += response.statusCode() == 202 ? json(response).get("alerts").asInt() : 0;
    }
    alertsBefore += accepted;
  }

  private static String mutate(String body, Random random) {
    StringBuilder mutated = new StringBuilder(body);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && mutated.length() > 2; e++) {
      int at = random.nextInt(mutated.length());
      switch (random.nextInt(5)) {
        case 0 -> mutated.deleteCharAt(at);
        case 1 -> mutated.insert(at, "{[\",:}]\\".charAt(random.nextInt(8)));
        case 2 -> mutated.setLength(at);
        case 3 -> mutated.insert(at, "\\u0000");
        default -> mutated.setCharAt(at, (char) (' ' + random.nextInt(95)));
      }
    }
    return mutated.toString();
  }

  private static String manyLabels(int count) {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < count; i++) {
      labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
    }
    return "{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{"
        + labels + "},\"annotations\":{},\"startsAt\":\"2024-05-14T09:21:47Z\",\"fingerprint\":\"0123456789abcdef\"}]}";
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode problem = json(response);
    assertTrue(problem.get("detail").asText().contains(detail), problem.toString());
  }
}
