package dev.remedia.api.webhooks;

import static dev.remedia.api.webhooks.WebhookFixtures.assertRefused;
import static dev.remedia.api.webhooks.WebhookFixtures.bytes;
import static dev.remedia.api.webhooks.WebhookFixtures.object;
import static dev.remedia.api.webhooks.WebhookFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatadogPayloadParserTest {

  private final DatadogPayloadParser parser = new DatadogPayloadParser();

  @Test
  void aTriggeredAlertMapsEveryField() {
    List<ReceivedAlert> alerts = parser.parse(bytes("datadog-triggered.json"));

    assertEquals(1, alerts.size());
    ReceivedAlert alert = alerts.get(0);
    assertEquals(WebhookSource.DATADOG, alert.source());
    assertEquals(AlertStatus.FIRING, alert.status());
    assertEquals("7163528441327493522", alert.defaultDedupeKey());
    assertEquals("148301127", alert.identity());
    assertNull(alert.groupKey());
    assertEquals(Severity.ERROR, alert.severity(), "P2");
    assertEquals(
        "[Triggered on {host:web-04.example.net}] Certificate for shop.example.net expires in 7 days",
        alert.summary());
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("env", "production");
    labels.put("host", "web-04.example.net");
    labels.put("service", "shop");
    labels.put("team", "web");
    labels.put("monitor", "");
    labels.put("alert_id", "148301127");
    labels.put("hostname", "web-04.example.net");
    assertEquals(labels, alert.labels());
    assertEquals(
        Map.of(
            "message", "The TLS certificate served by shop.example.net expires on 2024-06-24. @webhook-remedia",
            "status", "Alert"),
        alert.annotations());
    assertEquals(Instant.parse("2024-06-17T08:00:00Z"), alert.startsAt());
    assertNull(alert.endsAt());
    assertEquals("https://app.datadoghq.eu/event/event?id=7163528441327493522", alert.link());
    assertEquals(object("datadog-triggered.json"), tree(alert.rawJson()));
  }

  @Test
  void aRecoveryEndsTheSameCycle() {
    ReceivedAlert triggered = parser.parse(bytes("datadog-triggered.json")).get(0);
    ReceivedAlert recovered = parser.parse(bytes("datadog-recovered.json")).get(0);

    assertEquals(AlertStatus.RESOLVED, recovered.status());
    assertEquals(triggered.defaultDedupeKey(), recovered.defaultDedupeKey());
    assertEquals(triggered.identity(), recovered.identity());
    assertNull(recovered.startsAt());
    assertEquals(Instant.parse("2024-06-17T09:16:52.345Z"), recovered.endsAt());
    assertEquals("OK", recovered.annotations().get("status"));
  }

  @ParameterizedTest
  @CsvSource({
    "Triggered, FIRING",
    "Re-Triggered, FIRING",
    "Warn, FIRING",
    "Re-Warn, FIRING",
    "No Data, FIRING",
    "Re-No Data, FIRING",
    "Renotify, FIRING",
    "re-triggered, FIRING",
    "Recovered, RESOLVED",
    "Warn Recovered, RESOLVED",
    "No Data Recovered, RESOLVED",
  })
  void eachTransitionHasAStatus(String transition, AlertStatus status) {
    ObjectNode body = object("datadog-triggered.json");
    body.put("transition", transition);

    assertEquals(status, parser.parse(bytes(body)).get(0).status());
  }

  @Test
  void anUnknownTransitionIsRefusedListingTheAcceptedOnes() {
    ObjectNode body = object("datadog-triggered.json");
    body.put("transition", "$ALERT_TRANSITION");

    assertRefused(
        parser,
        body,
        "transition must be one of Triggered, Re-Triggered, Warn, Re-Warn, No Data, Re-No Data, Renotify,"
            + " or a transition containing 'Recovered', not '$ALERT_TRANSITION'");
  }

  @ParameterizedTest
  @CsvSource({
    "P1, Triggered, CRITICAL",
    "P3, Triggered, WARNING",
    "P5, Triggered, INFO",
    "P1, Warn, CRITICAL",
    "'', Warn, WARNING",
    "'', Re-Warn, WARNING",
    "normal, Warn, WARNING",
    "'', Triggered, UNKNOWN",
    "'', No Data, UNKNOWN",
  })
  void severityComesFromThePriorityAndAWarningWithoutOneIsAWarning(
      String priority, String transition, Severity severity) {
    ObjectNode body = object("datadog-triggered.json");
    body.put("priority", priority);
    body.put("transition", transition);

    assertEquals(severity, parser.parse(bytes(body)).get(0).severity());
  }

  @Test
  void theDateMayBeANumberAndMayBeMissing() {
    ObjectNode body = object("datadog-triggered.json");
    body.put("date", 1718611200000L);
    assertEquals(Instant.parse("2024-06-17T08:00:00Z"), parser.parse(bytes(body)).get(0).startsAt());

    body.remove("date");
    assertNull(parser.parse(bytes(body)).get(0).startsAt());

    body.put("date", "");
    assertNull(parser.parse(bytes(body)).get(0).startsAt());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"yesterday\"            | date must be milliseconds since 1970 (a whole number or a string of digits), not 'yesterday'",
        "\"1718611200.5\"         | date must be milliseconds since 1970",
        "1.5                      | date must be milliseconds since 1970",
        "{}                       | date must be milliseconds since 1970 (a whole number or a string of digits), not a JSON object",
        "-1                       | date: '-1' is not a date between 1970 and 2999",
        "\"32503680000000\"       | date: '32503680000000' is not a date between 1970 and 2999",
        "99999999999999999999     | date must be milliseconds since 1970",
        "\"99999999999999999999\" | date must be milliseconds since 1970",
      })
  void aBadDateIsRefused(String json, String message) {
    ObjectNode body = object("datadog-triggered.json");
    body.set("date", tree(json));

    assertRefused(parser, body, message);
  }

  @Test
  void tagsBecomeLabels() {
    ObjectNode body = object("datadog-triggered.json");
    body.put("tags", " team:web , url:https://shop.example.net:443/, ,team:payments,canary,");
    body.put("hostname", "");

    Map<String, String> labels = parser.parse(bytes(body)).get(0).labels();

    assertEquals(
        Map.of(
            "team", "web,payments",
            "url", "https://shop.example.net:443/",
            "canary", "",
            "alert_id", "148301127"),
        labels);
  }

  @Test
  void withoutOptionalFieldsOnlyTheRequiredOnesAreUsed() {
    ObjectNode body = object("datadog-triggered.json");
    List.of("priority", "tags", "link", "date", "hostname", "message", "status").forEach(body::remove);

    ReceivedAlert alert = parser.parse(bytes(body)).get(0);

    assertEquals(Map.of("alert_id", "148301127"), alert.labels());
    assertEquals(Map.of(), alert.annotations());
    assertNull(alert.link());
    assertNull(alert.startsAt());
    assertEquals(Severity.UNKNOWN, alert.severity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"alert_id", "cycle_key", "transition", "title"})
  void requiredFieldsAreNamed(String field) {
    ObjectNode body = object("datadog-triggered.json");
    body.remove(field);
    assertRefused(parser, body, "field '" + field + "' is required");

    body.put(field, " ");
    assertRefused(parser, body, field + " must not be empty");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "alert_id  | 148301127 | alert_id must be a string, not a number",
        "tags      | [\"a:b\"] | tags must be a string, not an array",
        "priority  | 1         | priority must be a string, not a number",
        "link      | {}        | link must be a string, not a JSON object",
        "hostname  | true      | hostname must be a string, not a boolean",
        "message   | 1         | message must be a string, not a number",
        "status    | []        | status must be a string, not an array",
        "title     | 1         | title must be a string, not a number",
      })
  void knownFieldsWithTheWrongTypeAreRefused(String field, String json, String message) {
    ObjectNode body = object("datadog-triggered.json");
    body.set(field, tree(json));

    assertRefused(parser, body, message);
  }

  @Test
  void limitsNameTheField() {
    ObjectNode body = object("datadog-triggered.json");
    body.put("cycle_key", "k".repeat(PayloadRules.MAX_KEY_CHARS + 1));
    assertRefused(parser, body, "cycle_key is 1,025 characters; at most 1,024 are accepted");

    body = object("datadog-triggered.json");
    body.put("alert_id", "k".repeat(PayloadRules.MAX_KEY_CHARS + 1));
    assertRefused(parser, body, "alert_id is 1,025 characters");

    body = object("datadog-triggered.json");
    body.put("hostname", "h".repeat(PayloadRules.MAX_LABEL_VALUE_CHARS + 1));
    assertRefused(parser, body, "hostname is 4,097 characters; at most 4,096 are accepted");

    body = object("datadog-triggered.json");
    body.put("message", "m".repeat(PayloadRules.MAX_ANNOTATION_VALUE_CHARS + 1));
    assertRefused(parser, body, "message is 65,537 characters; at most 65,536 are accepted");

    body = object("datadog-triggered.json");
    body.put("link", "l".repeat(PayloadRules.MAX_LINK_CHARS + 1));
    assertRefused(parser, body, "link is 4,097 characters");

    body = object("datadog-triggered.json");
    body.put("tags", "env:" + "v".repeat(PayloadRules.MAX_LABEL_VALUE_CHARS + 1));
    assertRefused(parser, body, "tags.env is 4,097 characters; at most 4,096 are accepted");

    body = object("datadog-triggered.json");
    body.put("tags", ":orphan");
    assertRefused(parser, body, "tags: the name '' is 0 characters; names of 1 to 256 are accepted");

    body = object("datadog-triggered.json");
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < PayloadRules.MAX_LABELS; i++) {
      tags.append("t").append(i).append(":v,");
    }
    body.put("tags", tags.toString());
    assertRefused(parser, body, "tags: 130 labels; at most 128 are accepted");
  }

  @Test
  void aLongTitleIsCut() {
    ObjectNode body = object("datadog-triggered.json");
    body.put("title", "t".repeat(3000));

    assertEquals(PayloadRules.MAX_SUMMARY_CHARS, parser.parse(bytes(body)).get(0).summary().length());
  }

  @Test
  void onlyASingleObjectIsAccepted() {
    assertRefused(
        parser,
        WebhookFixtures.utf8("[" + new String(bytes("datadog-triggered.json")) + "]"),
        "body must be a JSON object, not an array");
  }

  @Test
  void itNamesItsSource() {
    assertEquals(WebhookSource.DATADOG, parser.source());
  }
}
