package dev.remedia.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.api.ApiTestSupport;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Alertmanager HA pair (two Debian {@code prometheus-alertmanager} processes, not clustered, so
 * both notify) delivers to the Remedia jar: one incident opens, the second notification is a harmless
 * duplicate, and resolving the alert closes the incident after the flap window.
 */
@Timeout(240)
class AlertmanagerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String TOKEN = "am-e2e-token-4f1c";

  @Test
  void anAlertFedToARealAlertmanagerPairBecomesOneIncidentThatResolvesAndCloses() throws Exception {
    Path alertmanager = RealComponent.require("/usr/bin/prometheus-alertmanager", "prometheus-alertmanager");
    Path config = Files.createTempFile("remedia-e2e", ".yml");
    Files.writeString(config, "incidents:\n  flap-window: 2s\n");
    int httpPort = ApiTestSupport.freePort();
    String webhook = "http://127.0.0.1:" + httpPort + "/webhooks/alertmanager";
    try (RemediaProcess remedia =
            RemediaProcess.start(
                httpPort,
                Map.of(
                    "REMEDIA_DEV_TEMPORAL_PORT", String.valueOf(ApiTestSupport.freePort()),
                    "TEMPORAL_ADDRESS", "",
                    "REMEDIA_DATABASE_URL", "",
                    "REMEDIA_CONFIG", config.toString(),
                    "REMEDIA_WEBHOOKS_ALERTMANAGER_TOKEN", TOKEN));
        AlertmanagerProcess first = AlertmanagerProcess.start(alertmanager, webhook, TOKEN);
        AlertmanagerProcess peer = AlertmanagerProcess.start(alertmanager, webhook, TOKEN)) {
      remedia.awaitHealthy(Duration.ofSeconds(90));
      Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String alertname = "DiskFull" + httpPort;

      String firing = alert(alertname, startsAt, startsAt.plus(Duration.ofHours(1)));
      first.post(firing);
      peer.post(firing);

      JsonNode open =
          awaitIncident(remedia, alertname, i -> i.get("alertCount").asInt() == 1 && i.get("duplicateCount").asInt() >= 1, first, peer);
      assertEquals("OPEN", open.get("status").asText());
      assertEquals("CRITICAL", open.get("severity").asText());
      assertEquals("Disk /srv on nas-1 is 97% full", open.get("summary").asText());
      assertEquals("{}:{alertname=\"" + alertname + "\"}", open.get("dedupeKey").asText());
      JsonNode alert = open.get("alerts").get(0);
      assertEquals("nas-1:9100", alert.get("labels").get("instance").asText());
      assertEquals(1, incidentsFor(remedia, alertname), "the HA pair's second notification opened nothing");

      String resolved = alert(alertname, startsAt, Instant.now().minusSeconds(1));
      first.post(resolved);
      peer.post(resolved);

      JsonNode closed = awaitIncident(remedia, alertname, i -> i.get("status").asText().equals("CLOSED"), first, peer);
      assertEquals(open.get("id"), closed.get("id"));
      assertFalse(closed.get("resolvedAt").isNull());
      assertTrue(closed.get("secondsToResolve").asLong() >= 0);
      assertEquals(1, incidentsFor(remedia, alertname));
    }
  }

  private static String alert(String alertname, Instant startsAt, Instant endsAt) {
    return """
        [{"labels": {"alertname": "%s", "instance": "nas-1:9100", "job": "node", "severity": "critical"},
          "annotations": {"summary": "Disk /srv on nas-1 is 97%% full"},
          "startsAt": "%s", "endsAt": "%s",
          "generatorURL": "http://prometheus.example.net:9090/graph?g0.expr=disk"}]
        """
        .formatted(alertname, startsAt, endsAt);
  }

  private static JsonNode awaitIncident(
      RemediaProcess remedia, String alertname, Predicate<JsonNode> until, AlertmanagerProcess... alertmanagers)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode item : get(remedia, "/api/incidents?source=alertmanager&limit=200").get("items")) {
        if (item.get("dedupeKey").asText().contains(alertname)) {
          last = get(remedia, "/api/incidents/" + item.get("id").asText());
          if (until.test(last)) {
            return last;
          }
        }
      }
      Thread.sleep(250);
    }
    StringBuilder logs = new StringBuilder(remedia.output());
    for (AlertmanagerProcess alertmanager : alertmanagers) {
      logs.append("\n--- alertmanager\n").append(alertmanager.log());
    }
    throw new AssertionError("incident not as expected within 60 s; last seen: " + last + "\n" + logs);
  }

  private static long incidentsFor(RemediaProcess remedia, String alertname) throws Exception {
    long count = 0;
    for (JsonNode item : get(remedia, "/api/incidents?source=alertmanager&limit=200").get("items")) {
      count += item.get("dedupeKey").asText().contains(alertname) ? 1 : 0;
    }
    return count;
  }

  private static JsonNode get(RemediaProcess remedia, String path) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(remedia.request(path).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
