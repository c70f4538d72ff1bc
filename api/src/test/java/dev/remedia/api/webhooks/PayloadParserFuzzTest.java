package dev.remedia.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of every fixture: each must give alerts within the limits or an
 * {@link InvalidPayloadException} with a message, never any other exception. A failure prints the
 * seed, the round and the input; {@code -Dremedia.fuzz.seed=...} replays or varies a run.
 */
@Timeout(60)
class PayloadParserFuzzTest {

  private static final long SEED = Long.getLong("remedia.fuzz.seed", 20240514L);
  private static final int ROUNDS = 1500;
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant AFTER_LATEST = Instant.parse("3000-01-01T00:00:00Z");

  /** Raw JSON that a tree cannot hold: broken escapes, numbers beyond double, invalid bytes. */
  private static final List<byte[]> RAW_VALUES =
      Stream.of(
              "\"a\\u0000b\"", "\"\\u0000\"", "\"\\ud800\"", "\"x\\udfff\"", "\"\\ude00\\ud83d\"",
              "\"\\ud83d\\ude00\"", "1e999999", "-1e999999", "1e-999999", "99999999999999999999999",
              "1" + "0".repeat(150), "NaN", "\"10000-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"",
              "\"0001-01-01T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"", "\"2999-12-31T23:59:59.999999999Z\"",
              "\"2024-02-30T00:00:00Z\"", "\"99999999999999999999\"", "\"-1\"", "\"\"")
          .map(text -> text.getBytes(StandardCharsets.UTF_8))
          .toList();

  private static final List<int[]> INVALID_UTF8 =
      List.of(
          new int[] {0xC3, 0x28}, new int[] {0xFF}, new int[] {0xED, 0xA0, 0x80}, new int[] {0xF0, 0x9F, 0x98},
          new int[] {0xC0, 0xAF}, new int[] {0x80}, new int[] {0xF4, 0x90, 0x80, 0x80});

  private static final List<String> WORDS =
      List.of("firing", "resolved", "trigger", "acknowledge", "resolve", "Triggered", "Recovered", "Warn",
          "critical", "error", "warning", "info", "P1", "P5", "x", "", " ", "env:prod,team:web", ":x,,a:b:c");

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of(new AlertmanagerPayloadParser(), "alertmanager-firing.json"),
        Arguments.of(new AlertmanagerPayloadParser(), "alertmanager-resolved.json"),
        Arguments.of(new GrafanaPayloadParser(), "grafana-firing.json"),
        Arguments.of(new DatadogPayloadParser(), "datadog-triggered.json"),
        Arguments.of(new DatadogPayloadParser(), "datadog-recovered.json"),
        Arguments.of(new EventsPayloadParser(), "events-trigger.json"),
        Arguments.of(new EventsPayloadParser(), "events-acknowledge.json"),
        Arguments.of(new EventsPayloadParser(), "events-resolve.json"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("fixtures")
  void mutationsGiveAlertsWithinTheLimitsOrAClearRefusal(PayloadParser parser, String fixture) {
    long seed = SEED ^ fixture.hashCode();
    Random random = new Random(seed);
    byte[] original = WebhookFixtures.bytes(fixture);
    int accepted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = mutate(original, random);
      String where = "seed " + seed + " (base " + SEED + "), " + fixture + ", round " + round + ", input: " + preview(input);
      try {
        List<ReceivedAlert> alerts = parser.parse(input);
        checkWithinLimits(alerts, parser.source(), where);
        accepted++;
      } catch (InvalidPayloadException e) {
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal without a message: " + where);
        assertTrue(e.getMessage().length() < 2000, "a refusal message of " + e.getMessage().length() + " chars: " + where);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        fail(e + " at " + where, e);
      }
    }
    assertTrue(accepted > ROUNDS / 20, "mutations should leave some inputs valid, got " + accepted + " (seed " + seed + ")");
    assertTrue(accepted < ROUNDS, "mutations should break some inputs (seed " + seed + ")");
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] input = random.nextInt(3) > 0 ? mutateTree(original, random) : original;
    int byteMutations = input == original ? 1 + random.nextInt(3) : (random.nextInt(4) == 0 ? 1 : 0);
    for (int i = 0; i < byteMutations; i++) {
      input = mutateBytes(input, random);
    }
    return input;
  }

  private static byte[] mutateBytes(byte[] input, Random random) {
    if (input.length == 0) {
      return input;
    }
    int at = random.nextInt(input.length);
    int span = Math.min(input.length - at, 1 + random.nextInt(40));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (random.nextInt(5)) {
      case 0 -> {
        byte[] flipped = input.clone();
        flipped[at] ^= (byte) (1 << random.nextInt(8));
        return flipped;
      }
      case 1 -> out.write(input, 0, at);
      case 2 -> {
        out.write(input, 0, at);
        out.write(input, at + span, input.length - at - span);
      }
      case 3 -> {
        out.write(input, 0, at + span);
        out.write(input, at, input.length - at);
      }
      default -> {
        out.write(input, 0, at);
        int[] bytes = INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size()));
        for (int b : bytes) {
          out.write(b);
        }
        out.write(input, at, input.length - at);
      }
    }
    return out.toByteArray();
  }

  /** A place in the tree: a field of an object or an element of an array. */
  private record Slot(ContainerNode<?> parent, String field, int index) {
    void set(JsonNode value) {
      if (parent instanceof ObjectNode object) {
        object.set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void remove() {
      if (parent instanceof ObjectNode object) {
        object.remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }

    JsonNode get() {
      return parent instanceof ObjectNode ? parent.get(field) : parent.get(index);
    }
  }

  private static byte[] mutateTree(byte[] original, Random random) {
    JsonNode root;
    try {
      root = WebhookFixtures.JSON.readTree(original);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, byte[]> raw = new HashMap<>();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      List<Slot> slots = new ArrayList<>();
      collect(root, slots);
      Slot slot = slots.get(random.nextInt(slots.size()));
      switch (random.nextInt(9)) {
        case 0, 1 -> slot.set(otherValue(random));
        case 2 -> slot.remove();
        case 3 -> slot.set(placeholder(raw, RAW_VALUES.get(random.nextInt(RAW_VALUES.size()))));
        case 4 -> slot.set(placeholder(raw, hugeString(random)));
        case 5 -> slot.set(placeholder(raw, deepNesting(random)));
        case 6 -> slot.set(placeholder(raw, invalidUtf8String(random)));
        case 7 -> slot.set(TextNode.valueOf(dateLike(random)));
        default -> repeatOrAdd(slot, random);
      }
    }
    return render(root.toString(), raw);
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> {
        slots.add(new Slot(object, name, -1));
        collect(object.get(name), slots);
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  private static JsonNode otherValue(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> WebhookFixtures.tree("true");
      case 1 -> WebhookFixtures.tree("null");
      case 2 -> WebhookFixtures.tree("[]");
      case 3 -> WebhookFixtures.tree("{\"k\":\"v\",\"n\":1}");
      case 4 -> WebhookFixtures.tree(random.nextBoolean() ? "0" : "-1.5");
      case 5 -> WebhookFixtures.tree("[\"a\", 1, {}]");
      default -> TextNode.valueOf(WORDS.get(random.nextInt(WORDS.size())));
    };
  }

  /** Duplicates an array element up to past the alert limit, or adds a field, so counts are tested. */
  private static void repeatOrAdd(Slot slot, Random random) {
    JsonNode value = slot.get();
    if (slot.parent() instanceof ArrayNode array) {
      int copies = random.nextInt(20) == 0 ? PayloadRules.MAX_ALERTS + 1 : 1 + random.nextInt(3);
      for (int i = 0; i < copies; i++) {
        array.add(value.deepCopy());
      }
    } else if (value instanceof ObjectNode object) {
      int fields = random.nextInt(4) == 0 ? PayloadRules.MAX_LABELS + 1 : 1 + random.nextInt(3);
      for (int i = 0; i < fields; i++) {
        object.put("added_" + i, "v" + i);
      }
    } else {
      ((ObjectNode) slot.parent()).set(slot.field() + "_copy", value);
    }
  }

  private static JsonNode placeholder(Map<String, byte[]> raw, byte[] json) {
    String marker = "@@raw" + raw.size() + "@@";
    raw.put("\"" + marker + "\"", json);
    return TextNode.valueOf(marker);
  }

  private static byte[] render(String json, Map<String, byte[]> raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int from = 0;
    while (true) {
      int next = json.indexOf("\"@@raw", from);
      if (next < 0) {
        out.writeBytes(json.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
      }
      int end = json.indexOf("@@\"", next + 6) + 3;
      out.writeBytes(json.substring(from, next).getBytes(StandardCharsets.UTF_8));
      out.writeBytes(raw.get(json.substring(next, end)));
      from = end;
    }
  }

  private static byte[] hugeString(Random random) {
    int[] sizes = {
      PayloadRules.MAX_SUMMARY_CHARS + 1, PayloadRules.MAX_KEY_CHARS + 1, PayloadRules.MAX_NAME_CHARS + 1,
      PayloadRules.MAX_LABEL_VALUE_CHARS + 1, PayloadRules.MAX_LINK_CHARS, PayloadRules.MAX_ANNOTATION_VALUE_CHARS + 1
    };
    int size = random.nextInt(100) == 0 ? PayloadRules.MAX_JSON_STRING_CHARS + 1 : sizes[random.nextInt(sizes.length)];
    return ("\"" + "s".repeat(size) + "\"").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deepNesting(Random random) {
    int depth = 10 + random.nextInt(60);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8String(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("\"ok".getBytes(StandardCharsets.UTF_8));
    for (int b : INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size()))) {
      out.write(b);
    }
    out.write('"');
    return out.toByteArray();
  }

  private static String dateLike(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "10000-01-01T00:00:00Z";
      case 1 -> "0001-01-01T00:00:00Z";
      case 2 -> "2024-05-14T09:21:47.538+05:30";
      case 3 -> "2024-05-14T09:21:47";
      case 4 -> String.valueOf(random.nextLong());
      default -> "2999-12-31T23:59:59Z";
    };
  }

  private static void checkWithinLimits(List<ReceivedAlert> alerts, WebhookSource source, String where) {
    assertFalse(alerts.isEmpty(), "accepted without alerts: " + where);
    assertTrue(alerts.size() <= PayloadRules.MAX_ALERTS, where);
    for (ReceivedAlert alert : alerts) {
      assertEquals(source, alert.source(), where);
      assertNotNull(alert.status(), where);
      assertNotNull(alert.severity(), where);
      key(alert.defaultDedupeKey(), PayloadRules.MAX_GROUP_KEY_CHARS, where);
      key(alert.identity(), PayloadRules.MAX_KEY_CHARS, where);
      if (alert.groupKey() != null) {
        key(alert.groupKey(), PayloadRules.MAX_GROUP_KEY_CHARS, where);
      }
      text(alert.summary(), PayloadRules.MAX_SUMMARY_CHARS, where);
      if (alert.link() != null) {
        text(alert.link(), PayloadRules.MAX_LINK_CHARS, where);
      }
      map(alert.labels(), PayloadRules.MAX_LABELS, PayloadRules.MAX_LABEL_VALUE_CHARS, where);
      map(alert.annotations(), PayloadRules.MAX_ANNOTATIONS, PayloadRules.MAX_ANNOTATION_VALUE_CHARS, where);
      date(alert.startsAt(), where);
      date(alert.endsAt(), where);
      text(alert.rawJson(), Integer.MAX_VALUE, where);
      assertTrue(WebhookFixtures.tree(alert.rawJson()).isObject(), "raw JSON is an object: " + where);
    }
  }

  private static void key(String key, int max, String where) {
    text(key, max, where);
    assertFalse(key.isBlank(), "a blank key: " + where);
  }

  private static void map(Map<String, String> map, int maxEntries, int maxValue, String where) {
    assertTrue(map.size() <= maxEntries, map.size() + " entries: " + where);
    map.forEach((name, value) -> {
      text(name, PayloadRules.MAX_NAME_CHARS, where);
      assertFalse(name.isEmpty(), "an empty name: " + where);
      text(value, maxValue, where);
    });
  }

  private static void date(Instant instant, String where) {
    assertTrue(instant == null || (!instant.isBefore(EARLIEST) && instant.isBefore(AFTER_LATEST)), instant + ": " + where);
  }

  /** Storable text: within the length, without NUL, every surrogate paired. */
  private static void text(String text, int max, String where) {
    assertNotNull(text, where);
    assertTrue(text.length() <= max, text.length() + " chars, more than " + max + ": " + where);
    assertTrue(text.indexOf('\0') < 0, "a NUL got through: " + where);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else {
        assertFalse(Character.isSurrogate(c), "an unpaired surrogate got through: " + where);
      }
    }
  }

  private static String preview(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + input.length + " bytes)";
  }
}
