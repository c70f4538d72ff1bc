package dev.remedia.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.PageCursor;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and careless requests get a 4xx problem+json that says what was wrong, never a 500. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class BadInputApiTest extends ApiTestSupport {

  private static final String RUNS = "/api/runbooks/http-check/runs";


  static Stream<Arguments> badRunRequests() {
    return Stream.of(
        Arguments.of("empty body", RUNS, "", 400, "the body must be a JSON object"),
        Arguments.of("malformed JSON", RUNS, "{\"url\": ", 400, "the body is not valid JSON at line 1"),
        Arguments.of("not an object", RUNS, "[\"http://x\"]", 400, "the input must be a JSON object, not array"),
        Arguments.of("missing field", RUNS, "{}", 400, "url is required"),
        Arguments.of("unknown field", RUNS, "{\"ur\": \"http://x\"}", 400, "unknown field 'ur' for runbook 'http-check'"),
        Arguments.of("wrong scheme", RUNS, "{\"url\": \"file:///etc/passwd\"}", 400, "url must start with http:// or https://"),
        Arguments.of("wrong type", RUNS, "{\"url\": \"http://x\", \"timeoutSeconds\": \"soon\"}", 400, "field 'timeoutSeconds' must be a whole number"),
        Arguments.of("fraction", RUNS, "{\"url\": \"http://x\", \"maxAttempts\": 1.5}", 400, "field 'maxAttempts' must be a whole number"),
        Arguments.of("out of range", RUNS, "{\"url\": \"http://x\", \"maxAttempts\": 1000}", 400, "maxAttempts must be from 1 to 10"),
        Arguments.of("NUL character", RUNS, "{\"url\": \"http://x/\\u0000\"}", 400, "must not contain NUL characters"),
        Arguments.of("deep nesting", RUNS, "[".repeat(5000) + "]".repeat(5000), 400, "nesting depth"),
        Arguments.of("huge body", RUNS, "{\"url\": \"" + "a".repeat(2_000_000) + "\"}", 413, "exceeds the maximum allowed content length"),
        Arguments.of("unknown runbook", "/api/runbooks/rm-rf/runs", "{}", 404, "no runbook named 'rm-rf'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRunRequests")
  void badRunRequestsAreRefusedWithAProblem(String name, String path, String body, int status, String detail) {
    assertProblem(post(path, "application/json", body), status, detail);
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedByMediaType() {
    assertProblem(post(RUNS, "text/plain", "url=http://x"), 415, "Content Type [text/plain] not allowed");
  }

  @Test
  void aMalformedIdempotencyKeyIsRefused() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(baseUri().resolve(RUNS))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "x".repeat(201))
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"http://x\"}")));
    assertProblem(response, 400, "Idempotency-Key must be 1 to 200 visible ASCII characters");
  }

  @Test
  void anUnknownRunIsNotFound() {
    assertProblem(get("/api/runs/http-check-00000000-0000-0000-0000-000000000000"), 404, "no run with id");
    assertProblem(get("/api/runs/abc%00def"), 404, "no run with that id");
    assertProblem(get("/api/runs/" + "a".repeat(300)), 404, "no run with that id");
  }

  @Test
  void anApprovalIdThatIsNotAUuidIsNotFoundWithoutReachingTheStore() {
    String vote = "{\"decision\": \"approve\", \"by\": \"alice\"}";
    for (String id : new String[] {"abc%00def", "a%2Fb", "a".repeat(3000)}) {
      assertProblem(get("/api/approvals/" + id), 404, "no approval with that id; approval ids are UUIDs");
      assertProblem(
          post("/api/approvals/" + id + "/decision", "application/json", vote), 404,
          "Remedia knows no approval with that id; approval ids are UUIDs.");
    }
  }

  @Test
  void badListParametersAreNamed() {
    assertProblem(get("/api/runs?status=BROKEN"), 400, "status must be one of [RUNNING, SUCCEEDED, FAILED, CANCELLED]");
    assertProblem(get("/api/runs?limit=0"), 400, "limit must be a whole number from 1 to 200");
    assertProblem(get("/api/runs?limit=ten"), 400, "limit must be a whole number from 1 to 200");
    assertProblem(get("/api/runs?cursor=AAAA"), 400, "cursor is not one this API handed out");
    assertProblem(get("/api/runs?runbook=a%00b"), 400, "runbook must be a runbook name");
    assertProblem(get("/api/runs?runbook=%27%3B%20DROP%20TABLE%20runs%3B--"), 400, "runbook must be a runbook name");
  }

  @Test
  void aFieldNamedTwiceIsRefusedNotReadAsTheLastOne() {
    assertProblem(
        post("/api/approvals/00000000-0000-0000-0000-000000000000/decision", "application/json",
            "{\"decision\": \"approve\", \"decision\": \"reject\", \"by\": \"alice\"}"),
        400, "the body names a field twice");
    assertProblem(
        post("/api/incidents/00000000-0000-0000-0000-000000000000/ack", "application/json",
            "{\"by\": \"alice\", \"by\": \"mallory\"}"),
        400, "the body names a field twice");
  }

  @Test
  void timesBeyondWhatPostgresCanHoldAreABadRequestNotAnOutage() {
    assertProblem(get("/api/incidents?from=%2B999999999-12-31T23:59:59Z"), 400, "from must be a time from year 1 to year 9999");
    assertProblem(get("/api/incidents?to=-999999999-01-01T00:00:00Z"), 400, "to must be a time from year 1 to year 9999");
    String farCursor = new PageCursor(Instant.ofEpochSecond(1_000_000_000_000L), "http-check-x").encode();
    assertProblem(get("/api/runs?cursor=" + farCursor), 400, "cursor is not one this API handed out");
    assertProblem(get("/api/approvals?cursor=" + farCursor), 400, "cursor is not one this API handed out");
  }

  @Test
  void unknownRoutesAndMethodsAreProblemsToo() {
    assertProblem(get("/api/nothing-here"), 404, "Page Not Found");
    assertProblem(send(HttpRequest.newBuilder(baseUri().resolve("/api/runs")).DELETE()), 405, "Method [DELETE] not allowed");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    JsonNode problem = json(response);
    assertEquals(status, problem.get("status").asInt());
    assertTrue(problem.get("detail").asText().contains(detail), problem.toString());
    assertFalse(response.body().contains("Exception"), "no internals: " + response.body());
    assertFalse(response.body().contains("at dev.remedia"), "no stack trace: " + response.body());
  }
}
