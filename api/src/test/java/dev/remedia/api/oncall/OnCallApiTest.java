package dev.remedia.api.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code GET /api/oncall} over HTTP against the application with a configuration of two schedules. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class OnCallApiTest extends ApiTestSupport {

  private static final String CONFIG =
      """
      people:
        - { name: alice, slack: U0123ALICE, phone: "+15555550100" }
        - { name: bob, phone: "+15555550101" }
      schedules:
        - name: primary
          layers:
            - rotation: weekly
              hand-off: { at: "09:00", day: monday, zone: Europe/Berlin }
              start: 2026-01-05
              members: [alice, bob]
          overrides:
            - { from: "2026-01-07T12:00:00Z", to: "2026-01-08T12:00:00Z", person: bob }
        - name: next-decade
          layers:
            - { rotation: daily, hand-off: { at: "08:00", zone: UTC }, start: 2030-01-01, members: [bob] }
      """;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @Test
  void eachScheduleSaysWhoIsOnCallSinceWhenAndUntilWhen() {
    HttpResponse<String> response = get("/api/oncall?at=2026-01-06T12:00:00Z");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = json(response);
    assertEquals("2026-01-06T12:00:00Z", body.get("at").asText());
    JsonNode primary = body.get("schedules").get(0);
    assertEquals("primary", primary.get("name").asText());
    assertEquals("alice", primary.get("onCall").get("name").asText());
    assertEquals("U0123ALICE", primary.get("onCall").get("slackUserId").asText());
    assertEquals("2026-01-05T08:00:00Z", primary.get("since").asText(), "Monday 09:00 in Berlin");
    assertEquals("2026-01-07T12:00:00Z", primary.get("until").asText(), "bob's override");
    JsonNode nextDecade = body.get("schedules").get(1);
    assertEquals("next-decade", nextDecade.get("name").asText());
    assertTrue(nextDecade.get("onCall").isNull(), "a gap before the first shift");
    assertTrue(nextDecade.get("since").isNull());
    assertEquals("2030-01-01T08:00:00Z", nextDecade.get("until").asText());
  }

  @Test
  void anOverrideShowsWithItsBoundsAndNeverAPhoneNumber() {
    HttpResponse<String> response = get("/api/oncall?at=2026-01-07T13:00:00%2B01:00");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode primary = json(response).get("schedules").get(0);
    assertEquals("bob", primary.get("onCall").get("name").asText());
    assertTrue(primary.get("onCall").get("slackUserId").isNull(), "bob has no Slack id");
    assertEquals("2026-01-07T12:00:00Z", primary.get("since").asText());
    assertEquals("2026-01-08T12:00:00Z", primary.get("until").asText());
    assertFalse(response.body().contains("5555550"), "phone numbers are personal data: " + response.body());
    assertFalse(response.body().contains("phone"), response.body());
  }

  @Test
  void withoutAtItAnswersForNow() {
    Instant before = Instant.now();
    JsonNode body = json(get("/api/oncall"));
    Instant after = Instant.now();

    Instant at = Instant.parse(body.get("at").asText());
    assertFalse(at.isBefore(before) || at.isAfter(after), at + " is not the time of the request");
    JsonNode primary = body.get("schedules").get(0);
    assertFalse(Instant.parse(primary.get("since").asText()).isAfter(at));
    assertTrue(Instant.parse(primary.get("until").asText()).isAfter(at));
  }

  @Test
  void farInTheFutureTheWeeklyHandOffStillComes() {
    HttpResponse<String> response = get("/api/oncall?at=%2B100000-01-05T12:00:00Z");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode primary = json(response).get("schedules").get(0);
    assertTrue(primary.get("onCall").get("name").asText().matches("alice|bob"), primary.toString());
    Instant since = Instant.parse(primary.get("since").asText());
    Instant until = Instant.parse(primary.get("until").asText());
    assertEquals(Duration.ofDays(7), Duration.between(since, until), primary.toString());
    assertEquals("bob", json(get("/api/oncall?at=%2B100000-01-05T12:00:00Z")).get("schedules").get(1).get("onCall").get("name").asText());
  }

  @Test
  void farInThePastEveryScheduleHasAGap() {
    JsonNode primary = json(get("/api/oncall?at=0001-01-01T00:00:00Z")).get("schedules").get(0);

    assertTrue(primary.get("onCall").isNull(), primary.toString());
    assertEquals("2026-01-05T08:00:00Z", primary.get("until").asText());
  }

  @Test
  void aTimeThatIsNotIsoIsAProblemNamingTheParameter() {
    for (String at : new String[] {"yesterday", "2026-01-06T12:00:00", "2026-13-01T00:00:00Z"}) {
      HttpResponse<String> response = get("/api/oncall?at=" + at);

      assertEquals(400, response.statusCode(), response.body());
      assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
      assertEquals(
          "at must be an ISO-8601 time with an offset, like 2026-11-21T09:00:00Z (got '" + at + "')",
          json(response).get("detail").asText());
    }
  }
}
