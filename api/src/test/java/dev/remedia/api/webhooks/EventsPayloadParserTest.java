package dev.remedia.api.webhooks;

import static dev.remedia.api.webhooks.WebhookFixtures.assertRefused;
import static dev.remedia.api.webhooks.WebhookFixtures.bytes;
import static dev.remedia.api.webhooks.WebhookFixtures.object;
import static dev.remedia.api.webhooks.WebhookFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.workflows.incident.AlertStatus;
import dev.remedia.workflows.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventsPayloadParserTest {

  private static final String DEDUP_KEY = "backup/pg-main/nightly-2024-07-03";
  private final EventsPayloadParser parser = new EventsPayloadParser();

  @Test
  void aTriggerMapsEveryField() {
    List<ReceivedAlert> alerts = parser.parse(bytes("events-trigger.json"));

    assertEquals(1, alerts.size());
    ReceivedAlert alert = alerts.get(0);
    assertEquals(WebhookSource.EVENTS, alert.source());
    assertEquals(AlertStatus.FIRING, alert.status());
    assertEquals(DEDUP_KEY, alert.defaultDedupeKey());
    assertEquals(DEDUP_KEY, alert.identity());
    assertNull(alert.groupKey());
    assertEquals(Severity.ERROR, alert.severity());
    assertEquals("Nightly backup of pg-main failed: restic exited with status 1", alert.summary());
    assertEquals(
        Map.of(
            "source", "backup-runner-2.example.net",
            "component", "pg-main",
            "group", "databases",
            "class", "backup"),
        alert.labels());
    assertEquals(
        Map.of(
            "repository", "s3:https://s3.example.net/backups/pg-main",
            "exit_code", "1",
            "snapshots_kept", "[\"9f1c2a\",\"41d07e\"]",
            "retried", "false"),
        alert.annotations());
    assertEquals(Instant.parse("2024-07-03T02:17:44.120Z"), alert.startsAt(), "an offset without a colon");
    assertNull(alert.endsAt());
    assertEquals("https://ci.example.net/jobs/backup-pg-main/8812", alert.link());
    assertEquals(object("events-trigger.json"), tree(alert.rawJson()));
  }

  @Test
  void anAcknowledgementNeedsOnlyTheDedupKey() {
    ReceivedAlert alert = parser.parse(bytes("events-acknowledge.json")).get(0);

    assertEquals(AlertStatus.ACKNOWLEDGED, alert.status());
    assertEquals(DEDUP_KEY, alert.defaultDedupeKey());
    assertEquals(DEDUP_KEY, alert.identity());
    assertEquals("acknowledge " + DEDUP_KEY, alert.summary());
    assertEquals(Severity.UNKNOWN, alert.severity());
    assertEquals(Map.of(), alert.labels());
    assertEquals(Map.of(), alert.annotations());
    assertNull(alert.startsAt());
    assertNull(alert.link());
  }

  @Test
  void aResolutionMayRepeatThePayload() {
    ReceivedAlert alert = parser.parse(bytes("events-resolve.json")).get(0);

    assertEquals(AlertStatus.RESOLVED, alert.status());
    assertEquals(DEDUP_KEY, alert.defaultDedupeKey());
    assertEquals("Nightly backup of pg-main succeeded on retry", alert.summary());
    assertEquals(Severity.INFO, alert.severity());
    assertEquals(Map.of("source", "backup-runner-2.example.net"), alert.labels());
    assertEquals(Instant.parse("2024-07-03T02:41:09Z"), alert.startsAt());
  }

  @Test
  void aResolutionWithoutPayloadSaysWhatItResolves() {
    ObjectNode body = object("events-resolve.json");
    body.remove("payload");

    assertEquals("resolve " + DEDUP_KEY, parser.parse(bytes(body)).get(0).summary());
  }

  @Test
  void aTriggerWithoutDedupKeyGetsOneDerivedFromSourceAndSummary() {
    ObjectNode body = object("events-trigger.json");
    body.remove("dedup_key");

    ReceivedAlert first = parser.parse(bytes(body)).get(0);
    ((ObjectNode) body.get("payload")).put("timestamp", "2024-07-03T02:20:00Z");
    ReceivedAlert retry = parser.parse(bytes(body)).get(0);
    ((ObjectNode) body.get("payload")).put("summary", "Nightly backup of pg-replica failed");
    ReceivedAlert other = parser.parse(bytes(body)).get(0);

    assertTrue(first.identity().matches("auto-[0-9a-f]{64}"), first.identity());
    assertEquals(first.identity(), first.defaultDedupeKey());
    assertEquals(first.identity(), retry.identity(), "a retry of the same event folds");
    assertNotEquals(first.identity(), other.identity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"critical", "error", "warning", "info"})
  void eachOfTheFourSeveritiesIsAccepted(String severity) {
    ObjectNode body = object("events-trigger.json");
    ((ObjectNode) body.get("payload")).put("severity", severity);

    assertEquals(Severity.fromText(severity), parser.parse(bytes(body)).get(0).severity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"high", "Critical", "warn", "P1", ""})
  void anyOtherSeverityIsRefusedNamingTheAllowedOnes(String severity) {
    ObjectNode body = object("events-trigger.json");
    ((ObjectNode) body.get("payload")).put("severity", severity);

    assertRefused(
        parser,
        body,
        severity.isEmpty() ? "payload.severity must not be empty"
            : "payload.severity must be one of critical, error, warning, info, not '" + severity + "'");
  }

  @Test
  void aResolutionsSeverityIsCheckedToo() {
    ObjectNode body = object("events-resolve.json");
    ((ObjectNode) body.get("payload")).put("severity", "ok");

    assertRefused(parser, body, "payload.severity must be one of critical, error, warning, info, not 'ok'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "source", "severity"})
  void aTriggerMustSayWhatWhereAndHowBad(String field) {
    ObjectNode body = object("events-trigger.json");
    ((ObjectNode) body.get("payload")).remove(field);

    assertRefused(parser, body, "field 'payload." + field + "' is required");
  }

  @Test
  void aTriggerNeedsAPayload() {
    ObjectNode body = object("events-trigger.json");
    body.remove("payload");
    assertRefused(parser, body, "field 'payload' is required");

    body.put("payload", "disk full");
    assertRefused(parser, body, "payload must be a JSON object, not a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"events-acknowledge.json", "events-resolve.json"})
  void acknowledgeAndResolveNeedADedupKey(String fixture) {
    ObjectNode body = object(fixture);
    body.remove("dedup_key");

    assertRefused(parser, body, "field 'dedup_key' is required to " + body.get("event_action").textValue());
  }

  @Test
  void theActionMustBeOneOfThree() {
    ObjectNode body = object("events-trigger.json");
    body.put("event_action", "Trigger");
    assertRefused(parser, body, "event_action must be one of trigger, acknowledge, resolve, not 'Trigger'");

    body.remove("event_action");
    assertRefused(parser, body, "field 'event_action' is required");
  }

  @Test
  void linksFallBackToTheClientUrl() {
    ObjectNode body = object("events-trigger.json");
    body.remove("links");
    assertEquals("https://ci.example.net/jobs/backup-pg-main", parser.parse(bytes(body)).get(0).link());

    body.set("links", tree("[]"));
    assertEquals("https://ci.example.net/jobs/backup-pg-main", parser.parse(bytes(body)).get(0).link());

    body.set("links", tree("[{\"href\":\"https://a.example\"},{\"href\":\"https://b.example\",\"text\":\"b\"}]"));
    assertEquals("https://a.example", parser.parse(bytes(body)).get(0).link());
  }

  @Test
  void customDetailsAreFlattenedOneLevel() {
    ObjectNode body = object("events-trigger.json");
    ((ObjectNode) body.get("payload"))
        .set("custom_details", tree("{\"text\":\"a\",\"nested\":{\"b\":[1,{\"c\":null}]},\"none\":null,\"n\":1.5}"));

    assertEquals(
        Map.of("text", "a", "nested", "{\"b\":[1,{\"c\":null}]}", "none", "null", "n", "1.5"),
        parser.parse(bytes(body)).get(0).annotations());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dedup_key      | 42               | dedup_key must be a string, not a number",
        "dedup_key      | \"\"             | dedup_key must not be empty",
        "links          | {}               | links must be an array, not a JSON object",
        "links          | [\"https://x\"]  | links[0] must be a JSON object, not a string",
        "links          | [{\"text\":\"x\"}] | field 'links[0].href' is required",
        "links          | [{\"href\":\"https://x\"},{\"href\":1}] | links[1].href must be a string, not a number",
        "links          | [{\"href\":\"https://x\",\"text\":[]}] | links[0].text must be a string, not an array",
        "client         | 1                | client must be a string, not a number",
        "client_url     | []               | client_url must be a string, not an array",
        "event_action   | 1                | event_action must be a string, not a number",
      })
  void aBadTopLevelFieldIsRefusedByName(String field, String json, String message) {
    ObjectNode body = object("events-trigger.json");
    body.set(field, tree(json));

    assertRefused(parser, body, message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "summary        | 1                          | payload.summary must be a string, not a number",
        "source         | {}                         | payload.source must be a string, not a JSON object",
        "component      | 1                          | payload.component must be a string, not a number",
        "group          | []                         | payload.group must be a string, not an array",
        "class          | true                       | payload.class must be a string, not a boolean",
        "custom_details | \"disk full\"              | payload.custom_details must be a JSON object, not a string",
        "timestamp      | 1720000000                 | payload.timestamp must be a string, not a number",
        "timestamp      | \"2024-07-03 02:17:44\"    | payload.timestamp: '2024-07-03 02:17:44' is not an RFC 3339 date",
        "timestamp      | \"10000-01-01T00:00:00Z\"  | payload.timestamp: '10000-01-01T00:00:00Z' is not a date between 1970 and 2999",
        "timestamp      | \"0001-01-01T00:00:00Z\"   | payload.timestamp: '0001-01-01T00:00:00Z' is not a date between 1970 and 2999",
      })
  void aBadPayloadFieldIsRefusedByName(String field, String json, String message) {
    ObjectNode body = object("events-trigger.json");
    ((ObjectNode) body.get("payload")).set(field, tree(json));

    assertRefused(parser, body, message);
  }

  @Test
  void limitsNameTheField() {
    ObjectNode body = object("events-trigger.json");
    body.put("dedup_key", "k".repeat(PayloadRules.MAX_KEY_CHARS + 1));
    assertRefused(parser, body, "dedup_key is 1,025 characters; at most 1,024 are accepted");

    body = object("events-trigger.json");
    ((ObjectNode) body.get("payload")).put("component", "c".repeat(PayloadRules.MAX_LABEL_VALUE_CHARS + 1));
    assertRefused(parser, body, "payload.component is 4,097 characters; at most 4,096 are accepted");

    body = object("events-trigger.json");
    ObjectNode details = ((ObjectNode) body.get("payload")).putObject("custom_details");
    for (int i = 0; i <= PayloadRules.MAX_ANNOTATIONS; i++) {
      details.put("d" + i, i);
    }
    assertRefused(parser, body, "payload.custom_details: 129 annotations; at most 128 are accepted");

    body = object("events-trigger.json");
    ((ObjectNode) body.get("payload"))
        .putObject("custom_details")
        .putArray("big")
        .add("x".repeat(PayloadRules.MAX_ANNOTATION_VALUE_CHARS));
    assertRefused(parser, body, "payload.custom_details.big is 65,540 characters; at most 65,536 are accepted");

    body = object("events-trigger.json");
    body.set("links", tree("[{\"href\":\"" + "h".repeat(PayloadRules.MAX_LINK_CHARS + 1) + "\"}]"));
    assertRefused(parser, body, "links[0].href is 4,097 characters; at most 4,096 are accepted");
  }

  @Test
  void onlyASingleObjectIsAccepted() {
    assertRefused(
        parser,
        WebhookFixtures.utf8("[" + new String(bytes("events-trigger.json")) + "]"),
        "body must be a JSON object, not an array");
  }

  @Test
  void itNamesItsSource() {
    assertEquals(WebhookSource.EVENTS, parser.source());
  }
}
