package dev.remedia.api.webhooks;

import static dev.remedia.api.webhooks.WebhookFixtures.assertRefused;
import static dev.remedia.api.webhooks.WebhookFixtures.bytes;
import static dev.remedia.api.webhooks.WebhookFixtures.object;
import static dev.remedia.api.webhooks.WebhookFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertmanagerPayloadParserTest {

  private static final String GROUP_KEY = "{}/{severity=\"critical\"}:{alertname=\"HostDown\"}";
  private final AlertmanagerPayloadParser parser = new AlertmanagerPayloadParser();

  /** Bodies captured from Debian's Alertmanager 0.25 delivering to a webhook on this machine. */
  @Test
  void bodiesCapturedFromARealAlertmanagerParse() {
    List<ReceivedAlert> firing = parser.parse(bytes("alertmanager-0.25-captured-firing.json"));
    List<ReceivedAlert> mixed = parser.parse(bytes("alertmanager-0.25-captured-mixed.json"));

    assertEquals(2, firing.size());
    assertEquals("{}:{alertname=\"HostDown\"}", firing.get(0).defaultDedupeKey());
    assertEquals("ffc2a272acd4b086", firing.get(0).identity());
    assertEquals(AlertStatus.FIRING, firing.get(0).status());
    assertNull(firing.get(0).endsAt());
    assertEquals(Severity.CRITICAL, firing.get(0).severity());
    assertEquals("Host db-1.fra.example.net is down", firing.get(0).summary());
    assertEquals(
        List.of(AlertStatus.RESOLVED, AlertStatus.FIRING), mixed.stream().map(ReceivedAlert::status).toList());
    assertEquals(firing.get(0).identity(), mixed.get(0).identity());
    assertTrue(mixed.get(0).endsAt().isAfter(mixed.get(0).startsAt()));
  }

  @Test
  void aFiringGroupBecomesOneAlertPerAlertWithEveryFieldMapped() {
    List<ReceivedAlert> alerts = parser.parse(bytes("alertmanager-firing.json"));

    assertEquals(3, alerts.size());
    ReceivedAlert first = alerts.get(0);
    assertEquals(WebhookSource.ALERTMANAGER, first.source());
    assertEquals(AlertStatus.FIRING, first.status());
    assertEquals(GROUP_KEY, first.defaultDedupeKey());
    assertEquals("3f2a9c41d0b7e8a5", first.identity());
    assertEquals(GROUP_KEY, first.groupKey());
    assertEquals(Severity.CRITICAL, first.severity());
    assertEquals("Host db-1.fra.example.net is down", first.summary());
    assertEquals(
        Map.of(
            "alertname", "HostDown",
            "instance", "db-1.fra.example.net:9100",
            "job", "node",
            "severity", "critical",
            "team", "storage"),
        first.labels());
    assertEquals(
        Map.of(
            "description", "db-1.fra.example.net:9100 has not answered scrapes for 5 minutes.",
            "runbook_url", "https://runbooks.example.net/host-down",
            "summary", "Host db-1.fra.example.net is down"),
        first.annotations());
    assertEquals(Instant.parse("2024-05-14T09:21:47.538Z"), first.startsAt());
    assertNull(first.endsAt(), "Alertmanager's zero time means no end time");
    assertEquals(
        "http://prometheus.example.net:9090/graph?g0.expr=up%7Bjob%3D%22node%22%7D+%3D%3D+0&g0.tab=1",
        first.link());
  }

  @Test
  void rawJsonIsTheAlertItselfWithTheGroupFieldsAdded() {
    ReceivedAlert first = parser.parse(bytes("alertmanager-firing.json")).get(0);

    ObjectNode expected = (ObjectNode) object("alertmanager-firing.json").get("alerts").get(0).deepCopy();
    expected.set(
        "group",
        tree("{\"groupKey\":" + tree("\"" + GROUP_KEY.replace("\"", "\\\"") + "\"")
            + ",\"receiver\":\"remedia\",\"externalURL\":\"http://alertmanager.example.net:9093\"}"));
    assertEquals(expected, tree(first.rawJson()));
    assertTrue(!first.rawJson().contains("\n"), "raw JSON is compact");
  }

  @Test
  void theSummaryFallsBackToTheDescriptionThenTheAlertNameAndInstance() {
    List<ReceivedAlert> alerts = parser.parse(bytes("alertmanager-firing.json"));

    assertEquals("db-2.fra.example.net:9100 has not answered scrapes for 5 minutes.", alerts.get(1).summary());
    assertEquals("HostDown (cache-7.ams.example.net:9100)", alerts.get(2).summary());
  }

  @Test
  void withoutAnyNameTheSummarySaysWhichAlertItIs() {
    ObjectNode body = object("alertmanager-firing.json");
    ObjectNode alert = alert(body, 2);
    alert.set("labels", tree("{\"job\":\"node\"}"));

    ReceivedAlert received = parser.parse(bytes(body)).get(2);

    assertEquals("alert 0c55e1f7a8b3d942", received.summary());
    assertEquals(Severity.UNKNOWN, received.severity());
  }

  @Test
  void anAlertNameWithoutInstanceIsTheSummaryAlone() {
    ObjectNode body = object("alertmanager-firing.json");
    alert(body, 2).set("labels", tree("{\"alertname\":\"DiskFull\",\"severity\":\"warning\"}"));

    ReceivedAlert received = parser.parse(bytes(body)).get(2);

    assertEquals("DiskFull", received.summary());
    assertEquals(Severity.WARNING, received.severity());
  }

  @Test
  void aLongSummaryIsCutWithAnEllipsisNotRefused() {
    ObjectNode body = object("alertmanager-firing.json");
    ((ObjectNode) alert(body, 0).get("annotations")).put("summary", "x".repeat(5000));

    String summary = parser.parse(bytes(body)).get(0).summary();

    assertEquals(PayloadRules.MAX_SUMMARY_CHARS, summary.length());
    assertTrue(summary.endsWith("x…"));
  }

  @Test
  void aSummaryIsNeverCutInsideASurrogatePair() {
    ObjectNode body = object("alertmanager-firing.json");
    ((ObjectNode) alert(body, 0).get("annotations")).put("summary", "x".repeat(1022) + "😀😀😀");

    String summary = parser.parse(bytes(body)).get(0).summary();

    assertTrue(summary.equals("x".repeat(1022) + "…"), "the emoji is dropped whole, not split");
  }

  @Test
  void theLinkFallsBackToTheExternalUrl() {
    List<ReceivedAlert> alerts = parser.parse(bytes("alertmanager-firing.json"));

    assertEquals("http://alertmanager.example.net:9093", alerts.get(2).link(), "generatorURL is empty");
  }

  @Test
  void withoutAnyLinkTheLinkIsNull() {
    ObjectNode body = object("alertmanager-firing.json");
    body.remove("externalURL");

    assertNull(parser.parse(bytes(body)).get(2).link());
  }

  @Test
  void aResolvedGroupCarriesTheEndTimes() {
    List<ReceivedAlert> alerts = parser.parse(bytes("alertmanager-resolved.json"));

    assertEquals(3, alerts.size());
    assertTrue(alerts.stream().allMatch(alert -> alert.status() == AlertStatus.RESOLVED));
    assertEquals(Instant.parse("2024-05-14T09:48:17.538Z"), alerts.get(0).endsAt());
    assertEquals(Instant.parse("2024-05-14T07:22:02.104Z"), alerts.get(1).startsAt());
    assertEquals(
        parser.parse(bytes("alertmanager-firing.json")).stream().map(ReceivedAlert::identity).toList(),
        alerts.stream().map(ReceivedAlert::identity).toList(),
        "firing and resolved notifications of one alert share its identity");
  }

  @Test
  void datesWithAnOffsetAreConvertedToInstants() {
    ReceivedAlert second = parser.parse(bytes("alertmanager-firing.json")).get(1);

    assertEquals(Instant.parse("2024-05-14T07:22:02.104Z"), second.startsAt());
  }

  @Test
  void withoutAFingerprintTheIdentityIsAStableHashOfTheSortedLabels() {
    ObjectNode body = object("alertmanager-firing.json");
    alert(body, 0).remove("fingerprint");
    alert(body, 1).remove("fingerprint");
    alert(body, 1).set("labels", alert(body, 0).get("labels").deepCopy());
    ObjectNode reordered = tree("{}").deepCopy();
    List.of("team", "severity", "job", "instance", "alertname")
        .forEach(name -> reordered.set(name, alert(body, 0).get("labels").get(name)));
    alert(body, 1).set("labels", reordered);

    List<ReceivedAlert> alerts = parser.parse(bytes(body));

    assertTrue(alerts.get(0).identity().matches("labels:[0-9a-f]{64}"), alerts.get(0).identity());
    assertEquals(alerts.get(0).identity(), alerts.get(1).identity(), "label order does not matter");
    assertEquals(alerts.get(0).identity(), parser.parse(bytes(body)).get(0).identity());
    alert(body, 1).with("labels").put("instance", "db-9");
    assertNotEquals(alerts.get(0).identity(), parser.parse(bytes(body)).get(1).identity());
  }

  @Test
  void anEmptyFingerprintCountsAsAbsent() {
    ObjectNode body = object("alertmanager-firing.json");
    alert(body, 0).put("fingerprint", "");

    assertTrue(parser.parse(bytes(body)).get(0).identity().startsWith("labels:"));
  }

  @Test
  void unknownFieldsAndNullsAreAccepted() {
    ObjectNode body = object("alertmanager-firing.json");
    body.put("futureField", 42);
    alert(body, 0).set("futureObject", tree("{\"a\":[1,2,{\"b\":null}]}"));
    alert(body, 0).putNull("endsAt");
    alert(body, 1).putNull("annotations");

    List<ReceivedAlert> alerts = parser.parse(bytes(body));

    assertNull(alerts.get(0).endsAt());
    assertEquals(Map.of(), alerts.get(1).annotations());
    assertTrue(alerts.get(0).rawJson().contains("\"futureObject\":{\"a\":[1,2,{\"b\":null}]}"));
  }

  @Test
  void requiredGroupFieldsAreNamed() {
    ObjectNode noAlerts = object("alertmanager-firing.json");
    noAlerts.remove("alerts");
    assertRefused(parser, noAlerts, "field 'alerts' is required");

    ObjectNode noGroupKey = object("alertmanager-firing.json");
    noGroupKey.remove("groupKey");
    assertRefused(parser, noGroupKey, "field 'groupKey' is required");
  }

  @Test
  void alertsMustBeANonEmptyArrayOfAtMostAThousandObjects() {
    ObjectNode body = object("alertmanager-firing.json");
    body.put("alerts", "many");
    assertRefused(parser, body, "alerts must be an array, not a string");

    body.set("alerts", tree("[]"));
    assertRefused(parser, body, "alerts is empty");

    ArrayNode many = body.putArray("alerts");
    for (int i = 0; i < PayloadRules.MAX_ALERTS + 1; i++) {
      many.add(object("alertmanager-firing.json").get("alerts").get(0));
    }
    assertRefused(parser, body, "alerts: 1,001 alerts; at most 1,000 are accepted");

    body.set("alerts", tree("[{\"status\":\"firing\",\"labels\":{}}, 7]"));
    assertRefused(parser, body, "alerts[1] must be a JSON object, not a number");
  }

  @Test
  void aThousandAlertsAreAccepted() {
    ObjectNode body = object("alertmanager-firing.json");
    ArrayNode many = body.putArray("alerts");
    for (int i = 0; i < PayloadRules.MAX_ALERTS; i++) {
      many.add(object("alertmanager-firing.json").get("alerts").get(i % 3));
    }

    assertEquals(PayloadRules.MAX_ALERTS, parser.parse(bytes(body)).size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "status      | \"exploded\"                | alerts[2].status must be 'firing' or 'resolved', not 'exploded'",
        "status      | \"FIRING\"                  | alerts[2].status must be 'firing' or 'resolved', not 'FIRING'",
        "status      | 1                           | alerts[2].status must be a string, not a number",
        "labels      | [\"a\"]                     | alerts[2].labels must be a JSON object, not an array",
        "labels      | {\"severity\":3}            | alerts[2].labels.severity must be a string, not a number",
        "labels      | {\"a\":{\"b\":\"c\"}}       | alerts[2].labels.a must be a string, not a JSON object",
        "annotations | {\"summary\":true}          | alerts[2].annotations.summary must be a string, not a boolean",
        "annotations | \"text\"                    | alerts[2].annotations must be a JSON object, not a string",
        "startsAt    | \"10000-01-01T00:00:00Z\"   | alerts[2].startsAt: '10000-01-01T00:00:00Z' is not a date between 1970 and 2999",
        "startsAt    | \"+10000-01-01T00:00:00Z\"  | alerts[2].startsAt: '+10000-01-01T00:00:00Z' is not a date between 1970 and 2999",
        "startsAt    | \"1969-12-31T23:59:59Z\"    | alerts[2].startsAt: '1969-12-31T23:59:59Z' is not a date between 1970 and 2999",
        "endsAt      | \"3000-01-01T00:00:00Z\"    | alerts[2].endsAt: '3000-01-01T00:00:00Z' is not a date between 1970 and 2999",
        "startsAt    | \"2024-05-14T09:21:47\"     | alerts[2].startsAt: '2024-05-14T09:21:47' is not an RFC 3339 date",
        "startsAt    | \"2024-02-30T09:21:47Z\"    | alerts[2].startsAt: '2024-02-30T09:21:47Z' is not an RFC 3339 date",
        "startsAt    | \"yesterday\"               | alerts[2].startsAt: 'yesterday' is not an RFC 3339 date",
        "startsAt    | 1715678507                  | alerts[2].startsAt must be a string, not a number",
        "fingerprint | 12                          | alerts[2].fingerprint must be a string, not a number",
        "generatorURL| {}                          | alerts[2].generatorURL must be a string, not a JSON object",
      })
  void aBadAlertFieldIsRefusedByName(String field, String json, String message) {
    ObjectNode body = object("alertmanager-firing.json");
    alert(body, 2).set(field, tree(json));

    assertRefused(parser, body, message);
  }

  @Test
  void statusAndLabelsAreRequiredPerAlert() {
    ObjectNode body = object("alertmanager-firing.json");
    alert(body, 1).remove("status");
    assertRefused(parser, body, "field 'alerts[1].status' is required");

    body = object("alertmanager-firing.json");
    alert(body, 1).remove("labels");
    assertRefused(parser, body, "field 'alerts[1].labels' is required");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "version           | 4     | version must be a string, not a number",
        "groupKey          | 4     | groupKey must be a string, not a number",
        "groupKey          | \"\"  | groupKey must not be empty",
        "receiver          | []    | receiver must be a string, not an array",
        "status            | {}    | status must be a string, not a JSON object",
        "externalURL       | false | externalURL must be a string, not a boolean",
        "truncatedAlerts   | \"0\" | truncatedAlerts must be a number, not a string",
        "groupLabels       | {\"alertname\":1} | groupLabels.alertname must be a string, not a number",
        "commonLabels      | 3     | commonLabels must be a JSON object, not a number",
        "commonAnnotations | {\"x\":[]} | commonAnnotations.x must be a string, not an array",
      })
  void aBadGroupFieldIsRefusedByName(String field, String json, String message) {
    ObjectNode body = object("alertmanager-firing.json");
    body.set(field, tree(json));

    assertRefused(parser, body, message);
  }

  @Test
  void labelAndAnnotationCountsAreLimited() {
    ObjectNode body = object("alertmanager-firing.json");
    ObjectNode labels = alert(body, 0).putObject("labels");
    for (int i = 0; i <= PayloadRules.MAX_LABELS; i++) {
      labels.put("label" + i, "v");
    }
    assertRefused(parser, body, "alerts[0].labels: 129 labels; at most 128 are accepted");

    body = object("alertmanager-firing.json");
    ObjectNode annotations = alert(body, 3 - 1).putObject("annotations");
    for (int i = 0; i <= PayloadRules.MAX_ANNOTATIONS; i++) {
      annotations.put("a" + i, "v");
    }
    assertRefused(parser, body, "alerts[2].annotations: 129 annotations; at most 128 are accepted");
  }

  @Test
  void exactlyTheLimitsAreAccepted() {
    ObjectNode body = object("alertmanager-firing.json");
    ObjectNode labels = alert(body, 0).putObject("labels");
    for (int i = 0; i < PayloadRules.MAX_LABELS - 1; i++) {
      labels.put("label" + i, "v");
    }
    labels.put("n".repeat(PayloadRules.MAX_NAME_CHARS), "v".repeat(PayloadRules.MAX_LABEL_VALUE_CHARS));
    alert(body, 0).putObject("annotations").put("summary", "s".repeat(PayloadRules.MAX_ANNOTATION_VALUE_CHARS));
    alert(body, 0).put("fingerprint", "f".repeat(PayloadRules.MAX_KEY_CHARS));
    alert(body, 0).put("generatorURL", "https://x/" + "p".repeat(PayloadRules.MAX_LINK_CHARS - 10));

    ReceivedAlert alert = parser.parse(bytes(body)).get(0);

    assertEquals(PayloadRules.MAX_LABELS, alert.labels().size());
    assertEquals(PayloadRules.MAX_KEY_CHARS, alert.identity().length());
    assertEquals(PayloadRules.MAX_LINK_CHARS, alert.link().length());
  }

  @Test
  void longNamesValuesKeysAndLinksAreRefusedByName() {
    ObjectNode body = object("alertmanager-firing.json");
    alert(body, 0).with("labels").put("n".repeat(PayloadRules.MAX_NAME_CHARS + 1), "v");
    assertRefused(parser, body, "alerts[0].labels: the name 'nnnn", "is 257 characters; names of 1 to 256 are accepted");

    body = object("alertmanager-firing.json");
    alert(body, 0).with("labels").put("", "v");
    assertRefused(parser, body, "alerts[0].labels: the name '' is 0 characters");

    body = object("alertmanager-firing.json");
    alert(body, 0).with("labels").put("job", "v".repeat(PayloadRules.MAX_LABEL_VALUE_CHARS + 1));
    assertRefused(parser, body, "alerts[0].labels.job is 4,097 characters; at most 4,096 are accepted");

    body = object("alertmanager-firing.json");
    alert(body, 0).with("annotations").put("description", "v".repeat(PayloadRules.MAX_ANNOTATION_VALUE_CHARS + 1));
    assertRefused(parser, body, "alerts[0].annotations.description is 65,537 characters; at most 65,536 are accepted");

    body = object("alertmanager-firing.json");
    alert(body, 0).put("fingerprint", "f".repeat(PayloadRules.MAX_KEY_CHARS + 1));
    assertRefused(parser, body, "alerts[0].fingerprint is 1,025 characters; at most 1,024 are accepted");

    body = object("alertmanager-firing.json");
    body.put("groupKey", "g".repeat(PayloadRules.MAX_GROUP_KEY_CHARS + 1));
    assertRefused(parser, body, "groupKey is 65,537 characters; at most 65,536 are accepted");

    body = object("alertmanager-firing.json");
    alert(body, 0).put("generatorURL", "h".repeat(PayloadRules.MAX_LINK_CHARS + 1));
    assertRefused(parser, body, "alerts[0].generatorURL is 4,097 characters; at most 4,096 are accepted");

    body = object("alertmanager-firing.json");
    body.put("externalURL", "h".repeat(PayloadRules.MAX_LINK_CHARS + 1));
    assertRefused(parser, body, "externalURL is 4,097 characters");
  }

  @Test
  void itNamesItsSource() {
    assertEquals(WebhookSource.ALERTMANAGER, parser.source());
  }

  private static ObjectNode alert(ObjectNode body, int index) {
    return (ObjectNode) body.get("alerts").get(index);
  }
}
