package dev.remedia.api.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /api/reports/sla} over a seeded week whose answers were worked out by hand (below), in
 * every grouping, as JSON and CSV; an empty window; and bad parameters.
 *
 * <pre>
 * incident  opened  acknowledged         resolved                 route      runbook     service
 * I1        03-01   +60 s alice/slack    +600 s alice/slack       web-down   http-check  checkout (2nd alert; the 1st has none, the 3rd says payments)
 * I2        03-02   +120 s bob/sms       +300 s by the monitor    web-down   http-check  checkout
 * I3        03-03   +30 s alice/api      +1200 s bob/voice        disk-full  -           storage
 * I4        03-04   -                    +90 s by the monitor     disk-full  -           (no label)
 * I5        03-05   -                    -                        -          -           (no alerts)
 * I6        03-06   +240 s alice/slack   -                        web-down   http-check  checkout
 * outside:  one opened a second before the window, one at its end (the end is exclusive)
 *
 * pages: I1 SLACK DELIVERED alice, I1 SMS SENT alice, I2 SMS FAILED bob, I2 VOICE NO_ANSWER bob,
 *        I3 SLACK ROLLED_UP alice, I3 VOICE CANCELLED bob, run R4's own page SLACK SENT carol;
 *        one SENT page at the window's end (outside). Sent: SLACK 3, SMS 1, VOICE 1.
 * runs:  R1 http-check SUCCEEDED (I1), R2 http-check FAILED (I2), R3 http-check SUCCEEDED (I6),
 *        R4 http-check CANCELLED (manual), R5 change-approval RUNNING, R6 change-approval SUCCEEDED;
 *        one outside the window.
 * </pre>
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class SlaReportApiTest extends ApiTestSupport {

  private static final String WEEK = "from=2025-03-01T00:00:00Z&to=2025-03-08T00:00:00Z";
  private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
  private static final String TOTAL =
      "incidents=6 acknowledged=4 resolved=4 tta=60/240/240 ttr=300/1200/1200 automatic=2 human=2"
          + " pages=SLACK:3,SMS:1,VOICE:1,CONSOLE:0 runs=6 succeeded=3 failed=1 cancelled=1 running=1 rate=0.6";

  @Inject DSLContext db;

  @BeforeAll
  void seed() {
    SlaHistory history = new SlaHistory(db);
    UUID i1 = history.incident(day(1), "web-down", "http-check");
    history.alert(i1, 0, "{\"alertname\": \"WebDown\"}");
    history.alert(i1, 5, "{\"alertname\": \"WebDown\", \"service\": \"checkout\"}");
    history.alert(i1, 9, "{\"alertname\": \"WebDown\", \"service\": \"payments\"}");
    history.acknowledged(i1, 60, "alice", "slack");
    history.resolved(i1, 600, "alice", "slack");
    UUID i2 = history.incident(day(2), "web-down", "http-check");
    history.alert(i2, 0, "{\"service\": \"checkout\"}");
    history.acknowledged(i2, 120, "bob", "sms");
    history.resolved(i2, 300, "alertmanager", "monitor");
    UUID i3 = history.incident(day(3), "disk-full", null);
    history.alert(i3, 0, "{\"service\": \"storage\"}");
    history.acknowledged(i3, 30, "alice", "api");
    history.resolved(i3, 1200, "bob", "voice");
    UUID i4 = history.incident(day(4), "disk-full", null);
    history.alert(i4, 0, "{\"alertname\": \"DiskFull\"}");
    history.resolved(i4, 90, "alertmanager", "monitor");
    history.incident(day(5), null, null);
    UUID i6 = history.incident(day(6), "web-down", "http-check");
    history.alert(i6, 0, "{\"service\": \"checkout\"}");
    history.acknowledged(i6, 240, "alice", "slack");
    UUID before = history.incident(START.minusSeconds(1), "web-down", "http-check");
    history.acknowledged(before, 1, "alice", "slack");
    UUID atEnd = history.incident(day(8), "web-down", "http-check");
    history.resolved(atEnd, 1, "alice", "slack");

    String r4 = history.run("http-check", "CANCELLED", day(4), null);
    String e1 = history.escalation(i1, null);
    String e2 = history.escalation(i2, null);
    String e3 = history.escalation(i3, null);
    String e4 = history.escalation(null, r4);
    String e6 = history.escalation(i6, null);
    history.page(e1, i1, day(1), "SLACK", "DELIVERED", "alice");
    history.page(e1, i1, day(1), "SMS", "SENT", "alice");
    history.page(e2, i2, day(2), "SMS", "FAILED", "bob");
    history.page(e2, i2, day(2), "VOICE", "NO_ANSWER", "bob");
    history.page(e3, i3, day(3), "SLACK", "ROLLED_UP", "alice");
    history.page(e3, i3, day(3), "VOICE", "CANCELLED", "bob");
    history.page(e4, null, day(4), "SLACK", "SENT", "carol");
    history.page(e6, i6, day(8), "SLACK", "SENT", "alice");

    history.run("http-check", "SUCCEEDED", day(1), i1);
    history.run("http-check", "FAILED", day(2), i2);
    history.run("http-check", "SUCCEEDED", day(6), i6);
    history.run("change-approval", "RUNNING", day(5), null);
    history.run("change-approval", "SUCCEEDED", day(5), null);
    history.run("http-check", "SUCCEEDED", day(8), null);

    UUID hostile = history.incident(Instant.parse("2025-04-01T10:00:00Z"), "web-down", null);
    history.alert(hostile, 0, "{\"service\": \"=HYPERLINK(\\\"x\\\"),1\"}");
  }

  @Test
  void byServiceTheFirstAlertWithAServiceLabelDecidesAndTheRestIsUnknown() {
    JsonNode report = report("groupBy=service&" + WEEK);

    assertEquals("service", report.get("groupBy").asText());
    assertEquals("nearest-rank", report.get("percentiles").asText());
    assertEquals("2025-03-01T00:00:00Z", report.get("from").asText());
    assertEquals("2025-03-08T00:00:00Z", report.get("to").asText());
    assertEquals(
        Map.of(
            "checkout",
            "incidents=3 acknowledged=3 resolved=2 tta=120/240/240 ttr=300/600/600 automatic=1 human=1"
                + " pages=SLACK:1,SMS:1,VOICE:1,CONSOLE:0 runs=3 succeeded=2 failed=1 cancelled=0 running=0 rate=0.6667",
            "storage",
            "incidents=1 acknowledged=1 resolved=1 tta=30/30/30 ttr=1200/1200/1200 automatic=0 human=1"
                + " pages=SLACK:1,SMS:0,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-",
            "unknown",
            "incidents=2 acknowledged=0 resolved=1 tta=-/-/- ttr=90/90/90 automatic=1 human=0"
                + " pages=SLACK:1,SMS:0,VOICE:0,CONSOLE:0 runs=3 succeeded=1 failed=0 cancelled=1 running=1 rate=0.5"),
        groups(report));
    assertEquals(TOTAL, figures(report.get("total")));
    assertTrue(report.get("total").get("group").isNull());
  }

  @Test
  void byRunbookARunbookWithRunsButNoIncidentsHasNoDurations() {
    JsonNode report = report("groupBy=runbook&" + WEEK);

    assertEquals(
        Map.of(
            "change-approval",
            "incidents=0 acknowledged=0 resolved=0 tta=-/-/- ttr=-/-/- automatic=0 human=0"
                + " pages=SLACK:0,SMS:0,VOICE:0,CONSOLE:0 runs=2 succeeded=1 failed=0 cancelled=0 running=1 rate=1.0",
            "http-check",
            "incidents=3 acknowledged=3 resolved=2 tta=120/240/240 ttr=300/600/600 automatic=1 human=1"
                + " pages=SLACK:2,SMS:1,VOICE:1,CONSOLE:0 runs=4 succeeded=2 failed=1 cancelled=1 running=0 rate=0.5",
            "none",
            "incidents=3 acknowledged=1 resolved=2 tta=30/30/30 ttr=90/1200/1200 automatic=1 human=1"
                + " pages=SLACK:1,SMS:0,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-"),
        groups(report));
    assertEquals(
        List.of("change-approval", "http-check", "none"), names(report), "groups are ordered by name");
    assertEquals(TOTAL, figures(report.get("total")));
  }

  @Test
  void byRouteManualRunsAndRunPagesHaveNoRoute() {
    assertEquals(
        Map.of(
            "disk-full",
            "incidents=2 acknowledged=1 resolved=2 tta=30/30/30 ttr=90/1200/1200 automatic=1 human=1"
                + " pages=SLACK:1,SMS:0,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-",
            "none",
            "incidents=1 acknowledged=0 resolved=0 tta=-/-/- ttr=-/-/- automatic=0 human=0"
                + " pages=SLACK:1,SMS:0,VOICE:0,CONSOLE:0 runs=3 succeeded=1 failed=0 cancelled=1 running=1 rate=0.5",
            "web-down",
            "incidents=3 acknowledged=3 resolved=2 tta=120/240/240 ttr=300/600/600 automatic=1 human=1"
                + " pages=SLACK:1,SMS:1,VOICE:1,CONSOLE:0 runs=3 succeeded=2 failed=1 cancelled=0 running=0 rate=0.6667"),
        groups(report("groupBy=route&" + WEEK)));
  }

  @Test
  void byPersonEachSettlerCountsWhatTheyDidAndTheMonitorIsOne() {
    JsonNode report = report("groupBy=person&" + WEEK);

    assertEquals(
        Map.of(
            "alice",
            "incidents=3 acknowledged=3 resolved=1 tta=60/240/240 ttr=600/600/600 automatic=0 human=1"
                + " pages=SLACK:2,SMS:1,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-",
            "bob",
            "incidents=2 acknowledged=1 resolved=1 tta=120/120/120 ttr=1200/1200/1200 automatic=0 human=1"
                + " pages=SLACK:0,SMS:0,VOICE:1,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-",
            "carol",
            "incidents=0 acknowledged=0 resolved=0 tta=-/-/- ttr=-/-/- automatic=0 human=0"
                + " pages=SLACK:1,SMS:0,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-",
            "monitor",
            "incidents=2 acknowledged=0 resolved=2 tta=-/-/- ttr=90/300/300 automatic=2 human=0"
                + " pages=SLACK:0,SMS:0,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-",
            "none",
            "incidents=1 acknowledged=0 resolved=0 tta=-/-/- ttr=-/-/- automatic=0 human=0"
                + " pages=SLACK:0,SMS:0,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-"),
        groups(report));
    assertEquals(TOTAL, figures(report.get("total")), "runs name no person: they count in the total only");
  }

  @Test
  void aWindowWithNothingInItHasNoGroupsAndAnEmptyTotal() {
    JsonNode report = report("groupBy=person&from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z");

    assertEquals(0, report.get("groups").size());
    assertEquals(
        "incidents=0 acknowledged=0 resolved=0 tta=-/-/- ttr=-/-/- automatic=0 human=0"
            + " pages=SLACK:0,SMS:0,VOICE:0,CONSOLE:0 runs=0 succeeded=0 failed=0 cancelled=0 running=0 rate=-",
        figures(report.get("total")));
  }

  @Test
  void csvHasAHeaderARowPerGroupAndTheTotalWhetherAskedByAcceptOrFormat() {
    String expected =
        String.join(
            "\r\n",
            "row,group,incidents,acknowledged,resolved,timeToAcknowledgeMedianSeconds,timeToAcknowledgeP90Seconds,"
                + "timeToAcknowledgeMaxSeconds,timeToResolveMedianSeconds,timeToResolveP90Seconds,"
                + "timeToResolveMaxSeconds,resolvedAutomatically,resolvedByPeople,pagesSentSlack,pagesSentSms,"
                + "pagesSentVoice,pagesSentConsole,runs,runsSucceeded,runsFailed,runsCancelled,runsRunning,"
                + "runSuccessRate",
            "group,checkout,3,3,2,120,240,240,300,600,600,1,1,1,1,1,0,3,2,1,0,0,0.6667",
            "group,storage,1,1,1,30,30,30,1200,1200,1200,0,1,1,0,0,0,0,0,0,0,0,",
            "group,unknown,2,0,1,,,,90,90,90,1,0,1,0,0,0,3,1,0,1,1,0.5",
            "total,,6,4,4,60,240,240,300,1200,1200,2,2,3,1,1,0,6,3,1,1,1,0.6",
            "");

    HttpResponse<String> byAccept =
        send(HttpRequest.newBuilder(baseUri().resolve("/api/reports/sla?" + WEEK)).header("Accept", "text/csv").GET());
    HttpResponse<String> byFormat = get("/api/reports/sla?format=csv&" + WEEK);

    for (HttpResponse<String> response : List.of(byAccept, byFormat)) {
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
      assertEquals(
          "attachment; filename=\"sla-service.csv\"", response.headers().firstValue("Content-Disposition").orElse(""));
      assertEquals(expected, response.body());
    }
  }

  @Test
  void aCsvFieldIsQuotedAndOneThatLooksLikeAFormulaStaysText() {
    String csv = get("/api/reports/sla?format=csv&from=2025-04-01T00:00:00Z&to=2025-04-02T00:00:00Z").body();

    assertTrue(csv.contains("\r\ngroup,\"'=HYPERLINK(\"\"x\"\"),1\",1,0,0,"), csv);
  }

  @Test
  void withoutAWindowTheReportCoversTheSevenDaysBeforeNow() {
    Instant before = Instant.now();
    JsonNode report = report("groupBy=route");

    Instant to = Instant.parse(report.get("to").asText());
    assertTrue(!to.isBefore(before.minusSeconds(1)) && to.isBefore(Instant.now().plusSeconds(1)), to.toString());
    assertEquals(Duration.ofDays(7), Duration.between(Instant.parse(report.get("from").asText()), to));
    assertEquals(
        Duration.ofDays(7),
        Duration.between(
            Instant.parse(report("to=2025-03-08T00:00:00Z").get("from").asText()), Instant.parse("2025-03-08T00:00:00Z")));
  }

  @Test
  void badParametersAreProblemsThatSayWhatWasWrong() {
    assertProblem("from=2025-03-08T00:00:00Z&to=2025-03-01T00:00:00Z", "from must not be after to");
    assertProblem("from=2024-01-01T00:00:00Z&to=2025-01-02T00:00:00Z", "the report spans at most 366 days");
    assertProblem("from=2099-01-01T00:00:00Z", "from must not be after to");
    assertProblem("groupBy=team", "groupBy must be one of [service, runbook, route, person] (got 'team')");
    assertProblem("format=xml", "format must be json or csv (got 'xml')");
    assertProblem("from=last-week", "from must be an ISO-8601 time with an offset");
    assertProblem("to=2025-03-08", "to must be an ISO-8601 time with an offset");
    HttpResponse<String> csvProblem =
        send(
            HttpRequest.newBuilder(baseUri().resolve("/api/reports/sla?groupBy=team"))
                .header("Accept", "text/csv")
                .GET());
    assertEquals(400, csvProblem.statusCode(), csvProblem.body());
    assertEquals("application/problem+json", csvProblem.headers().firstValue("Content-Type").orElse(""));
  }

  private JsonNode report(String query) {
    HttpResponse<String> response = get("/api/reports/sla?" + query);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return json(response);
  }

  private void assertProblem(String query, String detail) {
    HttpResponse<String> response = get("/api/reports/sla?" + query);
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(json(response).get("detail").asText().contains(detail), response.body());
  }

  private static Instant day(int day) {
    return START.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(10));
  }

  private static Map<String, String> groups(JsonNode report) {
    Map<String, String> groups = new LinkedHashMap<>();
    report.get("groups").forEach(group -> groups.put(group.get("group").asText(), figures(group)));
    return groups;
  }

  private static List<String> names(JsonNode report) {
    List<String> names = new ArrayList<>();
    report.get("groups").forEach(group -> names.add(group.get("group").asText()));
    return names;
  }

  private static String figures(JsonNode figures) {
    JsonNode pages = figures.get("pagesSent");
    JsonNode runs = figures.get("runs");
    return "incidents=" + figures.get("incidents").asLong()
        + " acknowledged=" + figures.get("acknowledged").asLong()
        + " resolved=" + figures.get("resolved").asLong()
        + " tta=" + durations(figures.get("timeToAcknowledge"))
        + " ttr=" + durations(figures.get("timeToResolve"))
        + " automatic=" + figures.get("resolutions").get("automatic").asLong()
        + " human=" + figures.get("resolutions").get("human").asLong()
        + " pages=SLACK:" + pages.get("SLACK").asLong() + ",SMS:" + pages.get("SMS").asLong()
        + ",VOICE:" + pages.get("VOICE").asLong() + ",CONSOLE:" + pages.get("CONSOLE").asLong()
        + " runs=" + runs.get("total").asLong()
        + " succeeded=" + runs.get("succeeded").asLong()
        + " failed=" + runs.get("failed").asLong()
        + " cancelled=" + runs.get("cancelled").asLong()
        + " running=" + runs.get("running").asLong()
        + " rate=" + (runs.get("successRate").isNull() ? "-" : runs.get("successRate").asText());
  }

  private static String durations(JsonNode durations) {
    return value(durations.get("medianSeconds")) + "/" + value(durations.get("p90Seconds")) + "/"
        + value(durations.get("maxSeconds"));
  }

  private static String value(JsonNode number) {
    return number.isNull() ? "-" : number.asText();
  }
}
