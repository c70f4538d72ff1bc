package dev.remedia.api.webhooks;

import static dev.remedia.api.webhooks.WebhookFixtures.assertRefused;
import static dev.remedia.api.webhooks.WebhookFixtures.bytes;
import static dev.remedia.api.webhooks.WebhookFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every body is held to, checked against every parser with one of its fixtures. */
class PayloadParserRulesTest {

  static Stream<Arguments> parsers() {
    return Stream.of(
        Arguments.of(new AlertmanagerPayloadParser(), "alertmanager-firing.json"),
        Arguments.of(new GrafanaPayloadParser(), "grafana-firing.json"),
        Arguments.of(new DatadogPayloadParser(), "datadog-triggered.json"),
        Arguments.of(new EventsPayloadParser(), "events-trigger.json"));
  }

  /** The fixture with one unknown top-level field added first, written as raw JSON text. */
  private static byte[] withExtraField(String fixture, String rawValue) {
    return withExtraRaw(fixture, "\"x_extra\": " + rawValue + ",");
  }

  private static byte[] withExtraRaw(String fixture, String raw) {
    String text = new String(bytes(fixture), StandardCharsets.UTF_8);
    int brace = text.indexOf('{');
    return utf8(text.substring(0, brace + 1) + raw + text.substring(brace + 1));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Arrays.stream(parts).forEach(out::writeBytes);
    return out.toByteArray();
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void everyFixtureIsAcceptedAsItIs(PayloadParser parser, String fixture) {
    assertFalse(parser.parse(bytes(fixture)).isEmpty());
  }

  /** The fixture with an unknown string field whose content is the given raw bytes. */
  private static byte[] withRawBytesInString(String fixture, int... raw) {
    String text = new String(withExtraField(fixture, "\"café HERE\""), StandardCharsets.UTF_8);
    int at = text.indexOf("HERE");
    byte[] bytes = new byte[raw.length];
    for (int i = 0; i < raw.length; i++) {
      bytes[i] = (byte) raw[i];
    }
    return concat(utf8(text.substring(0, at)), bytes, utf8(text.substring(at + 4)));
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void invalidUtf8IsRefusedNotReplaced(PayloadParser parser, String fixture) {
    assertFalse(parser.parse(withRawBytesInString(fixture, 0xC3, 0xA9)).isEmpty(), "é is fine");
    assertRefused(parser, withRawBytesInString(fixture, 0xC3, 0x28), "body is not valid UTF-8");
    assertRefused(parser, withRawBytesInString(fixture, 0xFF), "body is not valid UTF-8");
    assertRefused(parser, withRawBytesInString(fixture, 0xC0, 0xAF), "body is not valid UTF-8");
    assertRefused(parser, withRawBytesInString(fixture, 0xED, 0xA0, 0x80), "body is not valid UTF-8");
    assertRefused(parser, withRawBytesInString(fixture, 0xF0, 0x9F, 0x98), "body is not valid UTF-8");
    assertRefused(parser, concat(new byte[] {(byte) 0xFF}, bytes(fixture)), "body is not valid UTF-8");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void aBodyInAnotherEncodingIsRefusedNotGuessed(PayloadParser parser, String fixture) {
    byte[] utf16 = new String(bytes(fixture), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE);

    assertRefused(parser, utf16, "body is not valid JSON at line 1");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void aLeadingByteOrderMarkIsIgnored(PayloadParser parser, String fixture) {
    byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(fixture));

    assertEquals(parser.parse(bytes(fixture)), parser.parse(body));
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void nulCharactersAreRefusedWhereverTheyAre(PayloadParser parser, String fixture) {
    assertRefused(parser, withExtraField(fixture, "\"a\\u0000b\""), "x_extra contains a NUL character");
    assertRefused(parser, withExtraField(fixture, "[\"ok\", {\"deep\": \"\\u0000\"}]"), "x_extra[1].deep contains a NUL character");
    assertRefused(parser, withExtraRaw(fixture, "\"x\\u0000\": 1,"), "body: a field name contains a NUL character");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void unpairedSurrogatesAreRefused(PayloadParser parser, String fixture) {
    for (String broken : List.of("\\ud800", "a\\ud800b", "\\udc00", "\\ude00\\ud83d", "\\ud83d")) {
      assertRefused(parser, withExtraField(fixture, "\"" + broken + "\""), "x_extra contains invalid Unicode");
    }
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void pairedSurrogatesAndOtherUnicodeAreAccepted(PayloadParser parser, String fixture) {
    assertFalse(parser.parse(withExtraField(fixture, "\"\\ud83d\\ude00 😀 Grüße 日本\"")).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void duplicateKeysAreRefused(PayloadParser parser, String fixture) {
    assertRefused(parser, withExtraRaw(fixture, "\"x\": 1, \"x\": 2,"), "body is not valid JSON at line 1", "Duplicate field 'x'");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void contentAfterTheObjectIsRefused(PayloadParser parser, String fixture) {
    assertRefused(parser, concat(bytes(fixture), utf8(" {}")), "body has content after the JSON object");
    assertRefused(parser, concat(bytes(fixture), utf8("x")), "body is not valid JSON");
    assertFalse(parser.parse(concat(bytes(fixture), utf8(" \n\t\r\n"))).isEmpty(), "trailing whitespace is fine");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void deepNestingIsRefused(PayloadParser parser, String fixture) {
    assertRefused(
        parser,
        withExtraField(fixture, "[".repeat(40) + "]".repeat(40)),
        "body is not valid JSON: Document nesting depth (33) exceeds the maximum allowed (32)");
    assertRefused(parser, withExtraField(fixture, "[".repeat(100_000)), "nesting depth");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void numbersNoTypeCanHoldAreRefused(PayloadParser parser, String fixture) {
    assertRefused(parser, withExtraField(fixture, "1e999999"), "x_extra: the number is too large");
    assertRefused(parser, withExtraField(fixture, "-1e400"), "x_extra: the number is too large");
    assertRefused(parser, withExtraField(fixture, "1" + "0".repeat(200)), "body is not valid JSON", "Number value length");
    assertRefused(parser, withExtraField(fixture, "NaN"), "body is not valid JSON");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void hugeStringsAndBodiesAreRefused(PayloadParser parser, String fixture) {
    assertRefused(
        parser,
        withExtraField(fixture, "\"" + "s".repeat(PayloadRules.MAX_JSON_STRING_CHARS + 1) + "\""),
        "body is not valid JSON",
        "String value length");
    assertRefused(
        parser,
        withExtraField(fixture, "\"" + "s".repeat(PayloadRules.MAX_BODY_BYTES) + "\""),
        "bytes; at most 10,485,760 are accepted");
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void unknownFieldsOfAnyShapeAreAccepted(PayloadParser parser, String fixture) {
    assertFalse(parser.parse(withExtraField(fixture, "{\"a\": [1, 2.5, true, null, {\"b\": \"c\"}]}")).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void malformedJsonSaysWhere(PayloadParser parser, String fixture) {
    assertRefused(parser, utf8("{\"a\": 1,, \"b\": 2}"), "body is not valid JSON at line 1, column 9");
    assertRefused(parser, utf8("{\"a\": 'x'}"), "body is not valid JSON at line 1, column 7");
    assertRefused(parser, utf8("{\"a\": \"x\n\"}"), "body is not valid JSON at line 1");
    assertRefused(parser, utf8("{\"a\": 1 /* c */}"), "body is not valid JSON");
    assertRefused(parser, utf8("{\n\"a\": "), "body is not valid JSON at line 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t"})
  void anEmptyBodyIsRefused(String body) {
    parsers()
        .map(arguments -> (PayloadParser) arguments.get()[0])
        .forEach(parser -> assertRefused(parser, utf8(body), "body is empty"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{}]", "null", "\"text\"", "42", "true"})
  void aBodyThatIsNotAnObjectIsRefused(String body) {
    parsers()
        .map(arguments -> (PayloadParser) arguments.get()[0])
        .forEach(parser -> assertRefused(parser, utf8(body), "body must be a JSON object, not"));
  }

  @Test
  void aNulInAKnownFieldIsNamedByItsPath() {
    String text = new String(bytes("alertmanager-firing.json"), StandardCharsets.UTF_8)
        .replace("\"job\": \"node\",", "\"job\": \"no\\u0000de\",");

    assertRefused(new AlertmanagerPayloadParser(), utf8(text), "alerts[0].labels.job contains a NUL character");
  }

  @Test
  void aNullBodyIsRefused() {
    assertRefused(new EventsPayloadParser(), (byte[]) null, "body is empty");
  }
}
