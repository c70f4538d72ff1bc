package dev.remedia.api.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A small client for the runs API, as a script or a CLI would use it. */
final class Runs {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final RemediaProcess remedia;

  Runs(RemediaProcess remedia) {
    this.remedia = remedia;
  }

  String start(String runbook, String input) throws Exception {
    HttpResponse<String> response =
        client.send(
            remedia.request("/api/runbooks/" + runbook + "/runs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new AssertionError("start answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).get("id").asText();
  }

  JsonNode get(String id) throws Exception {
    HttpResponse<String> response =
        client.send(remedia.request("/api/runs/" + id).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  JsonNode awaitEnd(String id, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = get(id);
      if (run.has("status") && !"RUNNING".equals(run.get("status").asText())) {
        return run;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run " + id + " did not end within " + limit + ": " + get(id) + "\n" + remedia.output());
  }
}
