package dev.remedia.api.e2e;

import dev.remedia.api.TargetServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.api.ApiTestSupport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The jar with {@code REMEDIA_LOG_FORMAT=json}, driven through a run, an alert that pages, refused
 * credentials and an acknowledgement: every line it prints, from start to shutdown, is one JSON object;
 * lines written inside a run's activity carry the run id, a page's the incident id; and no secret it was
 * given or sent appears anywhere.
 */
@Timeout(240)
class JsonLogsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENTS_TOKEN = "events-token-never-logged-6c1d";
  private static final String WRONG_TOKEN = "wrong-token-never-logged-90ab";
  private static final String SLACK_SECRET = "slack-secret-never-logged-4e77";
  private static final String DATABASE_PASSWORD = "db-password-never-logged-1f2e";
  private static final String API_TOKEN = "api-token-never-logged-b3c5";

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void everyLineIsJsonWithTheIdsOfItsWorkAndNoSecrets() throws Exception {
    String output;
    String runId;
    String incidentId;
    try (TargetServer target = TargetServer.answering();
        RemediaProcess remedia =
            RemediaProcess.start(
                ApiTestSupport.freePort(),
                Map.of(
                    "REMEDIA_LOG_FORMAT", "json",
                    "REMEDIA_DEV_TEMPORAL_PORT", String.valueOf(ApiTestSupport.freePort()),
                    "TEMPORAL_ADDRESS", "",
                    "REMEDIA_DATABASE_URL", "",
                    "REMEDIA_DATABASE_PASSWORD", DATABASE_PASSWORD,
                    "REMEDIA_WEBHOOKS_EVENTS_TOKEN", EVENTS_TOKEN,
                    "REMEDIA_SLACK_SIGNING_SECRET", SLACK_SECRET,
                    // The admin token the test's API calls carry, and one more secret that must stay out of the log.
                    "REMEDIA_ADMIN_TOKEN", API_TOKEN))) {
      remedia.awaitHealthy(Duration.ofSeconds(90));

      runId = new Runs(remedia).start("http-check", "{\"url\": \"" + target.url() + "\"}");
      assertEquals("SUCCEEDED", new Runs(remedia).awaitEnd(runId, Duration.ofSeconds(60)).get("status").asText());

      String alert =
          """
          {"event_action": "trigger", "dedup_key": "disk/nas-1",
           "payload": {"summary": "Disk /srv on nas-1 is 97% full", "source": "nas-1", "severity": "critical"}}
          """;
      assertEquals(202, post(remedia, "/webhooks/events", "Bearer " + EVENTS_TOKEN, "application/json", alert).statusCode());
      assertEquals(401, post(remedia, "/webhooks/events", "Bearer " + WRONG_TOKEN, "application/json", alert).statusCode());
      HttpResponse<String> forged =
          send(
              HttpRequest.newBuilder(remedia.uri("/slack/interactions"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-Slack-Request-Timestamp", String.valueOf(Instant.now().getEpochSecond()))
                  .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                  .POST(HttpRequest.BodyPublishers.ofString("payload=%7B%7D")));
      assertEquals(401, forged.statusCode(), forged.body());

      incidentId = awaitIncident(remedia);
      await(() -> lines(remedia.output()).stream().anyMatch(isPageOf(incidentId)), remedia);
      HttpResponse<String> ack =
          post(remedia, "/api/incidents/" + incidentId + "/ack", "Bearer " + API_TOKEN, "application/json", "{\"by\": \"alice\"}");
      assertEquals(202, ack.statusCode(), ack.body());
      await(() -> remedia.output().contains("acknowledge by alice via api"), remedia);
      remedia.close();
      output = remedia.output();
    }

    List<JsonNode> lines = lines(output);
    assertTrue(lines.size() > 5, output);
    for (JsonNode line : lines) {
      assertTrue(line.hasNonNull("level") && line.hasNonNull("loggerName") && line.has("formattedMessage"), line.toString());
    }
    assertTrue(lines.stream().anyMatch(line -> line.path("formattedMessage").asText().startsWith("Worker: polling")), output);

    JsonNode runEnded =
        lines.stream()
            .filter(line -> line.path("loggerName").asText().equals("remedia.runs"))
            .filter(line -> line.path("formattedMessage").asText().contains(runId + " of http-check ended SUCCEEDED"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line from the run's journal activity:\n" + output));
    assertEquals(runId, runEnded.path("mdc").path("runId").asText(), runEnded.toString());
    assertEquals("RunJournal.RunEnded", runEnded.path("mdc").path("ActivityType").asText(), runEnded.toString());

    JsonNode page = lines.stream().filter(isPageOf(incidentId)).findFirst().orElseThrow();
    assertEquals("escalation/" + incidentId, page.path("mdc").path("WorkflowId").asText(), page.toString());

    for (String secret : List.of(EVENTS_TOKEN, WRONG_TOKEN, SLACK_SECRET, DATABASE_PASSWORD, API_TOKEN)) {
      assertFalse(output.contains(secret), "the log shows a secret: " + secret);
    }
  }

  /** Every line parsed; a line that is not a JSON object fails with the line. */
  private static List<JsonNode> lines(String output) {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        assertTrue(node.isObject(), "not a JSON object: " + line);
        parsed.add(node);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }
    return parsed;
  }

  private static Predicate<JsonNode> isPageOf(String incidentId) {
    return line ->
        line.path("loggerName").asText().equals("remedia.pages")
            && line.path("formattedMessage").asText().contains("Disk /srv on nas-1")
            && incidentId.equals(line.path("mdc").path("incidentId").asText());
  }

  private String awaitIncident(RemediaProcess remedia) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> incidents =
          send(HttpRequest.newBuilder(remedia.uri("/api/incidents?source=events")).header("Authorization", "Bearer " + API_TOKEN));
      JsonNode first = JSON.readTree(incidents.body()).path("items").path(0);
      if (first.has("id")) {
        return first.get("id").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no incident opened:\n" + remedia.output());
  }

  private static void await(CheckedCondition condition, RemediaProcess remedia) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the expected line was not logged within 60 s:\n" + remedia.output());
      }
      Thread.sleep(200);
    }
  }

  private interface CheckedCondition {
    boolean holds() throws Exception;
  }

  private HttpResponse<String> post(
      RemediaProcess remedia, String path, String authorization, String contentType, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(remedia.uri(path))
            .header("Authorization", authorization)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
