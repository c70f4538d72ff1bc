package dev.remedia.api.webhooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The rules every webhook body is held to, whichever monitor sent it, and the typed field access the
 * parsers share. A body is read strictly so that what is accepted can always be stored (PostgreSQL
 * JSONB refuses NUL characters and broken Unicode) and shown, and so that a hostile or broken sender
 * gets a message naming the field instead of a 500. Unknown fields are accepted, because monitors add
 * fields over time; known fields with the wrong type are refused.
 */
final class PayloadRules {

  /**
   * The largest body read at all. The HTTP server's own request limit normally refuses larger bodies
   * first; this keeps the parsers safe when called from elsewhere.
   */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** Monitors nest a few levels; deep nesting only serves to exhaust the stack or the CPU. */
  static final int MAX_NESTING_DEPTH = 32;

  /** No single JSON string may be longer; the field rules below are tighter still. */
  static final int MAX_JSON_STRING_CHARS = 1024 * 1024;

  /** Longer numbers cost quadratic time to convert and mean nothing to an alert. */
  static final int MAX_JSON_NUMBER_CHARS = 100;

  /** Field names longer than this are refused while reading; label and annotation names are tighter. */
  static final int MAX_JSON_NAME_CHARS = 64 * 1024;

  /** Alertmanager sends one group per notification; a thousand alerts is far beyond a real group. */
  static final int MAX_ALERTS = 1000;

  /** Routes, the store and the UI handle a bounded number of labels and annotations per alert. */
  static final int MAX_LABELS = 128;

  static final int MAX_ANNOTATIONS = 128;

  /** Label and annotation names are identifiers, not content. */
  static final int MAX_NAME_CHARS = 256;

  static final int MAX_LABEL_VALUE_CHARS = 4096;

  /** Annotations carry descriptions and runbook text, so they may be long, but not unbounded. */
  static final int MAX_ANNOTATION_VALUE_CHARS = 65536;

  /** A summary is shown in Slack, SMS and lists; a longer one is cut, not refused. */
  static final int MAX_SUMMARY_CHARS = 1024;

  /** Dedupe keys become part of workflow ids and identities are indexed; both must stay short. */
  static final int MAX_KEY_CHARS = 1024;

  /**
   * Alertmanager's group key lists the grouping labels and grows with them ({@code group_by: ['...']}
   * lists every label), so it may be long; refusing it would make Alertmanager retry forever. Long keys
   * are hashed into the incident's workflow id.
   */
  static final int MAX_GROUP_KEY_CHARS = 65_536;

  static final int MAX_LINK_CHARS = 4096;

  /** Dates before the epoch or after 2999 are mistakes or attacks on date arithmetic. */
  static final int MIN_YEAR = 1970;

  static final int MAX_YEAR = 2999;

  private static final Instant EARLIEST = Instant.parse(MIN_YEAR + "-01-01T00:00:00Z");
  private static final Instant AFTER_LATEST = Instant.parse((MAX_YEAR + 1) + "-01-01T00:00:00Z");

  /** RFC 3339 and ISO-8601 date-times with an offset, with or without a colon in the offset. */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  /** Values quoted in messages are cut, so a message stays readable whatever was sent. */
  private static final int MAX_QUOTED_CHARS = 80;

  private static final int MAX_PARSER_DETAIL_CHARS = 320;

  private static final ObjectMapper MAPPER = newMapper();

  private PayloadRules() {}

  private static ObjectMapper newMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_JSON_STRING_CHARS)
                    .maxNumberLength(MAX_JSON_NUMBER_CHARS)
                    .maxNameLength(MAX_JSON_NAME_CHARS)
                    .build())
            .build();
    return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  /**
   * Reads a body that must be one JSON object. The bytes are decoded as strict UTF-8 first, so invalid
   * bytes are refused rather than replaced and Jackson never guesses another encoding; then every
   * string, field name and number in the whole tree is checked, so any part of it can be stored.
   */
  static JsonNode readObject(byte[] body) {
    if (body == null || body.length == 0) {
      throw invalid("body is empty; a JSON object is expected");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw invalid("body is %,d bytes; at most %,d are accepted", body.length, MAX_BODY_BYTES);
    }
    CharBuffer text = decodeUtf8(body);
    // RFC 8259 lets parsers ignore a byte order mark; some Windows tools write one.
    if (text.hasRemaining() && text.get(text.position()) == '\uFEFF') {
      text.position(text.position() + 1);
    }
    JsonNode tree;
    try (JsonParser parser =
        MAPPER.createParser(text.array(), text.arrayOffset() + text.position(), text.remaining())) {
      tree = MAPPER.readTree(parser);
      if (tree != null && parser.nextToken() != null) {
        throw invalid("body has content after the JSON object at %s", where(parser));
      }
    } catch (JsonProcessingException e) {
      throw invalid("body is not valid JSON%s: %s", at(e), brief(e));
    } catch (IOException e) {
      throw invalid("body cannot be read: %s", e.getMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw invalid("body is empty; a JSON object is expected");
    }
    if (!tree.isObject()) {
      throw invalid("body must be a JSON object, not %s", typeName(tree));
    }
    checkTree(tree, "");
    return tree;
  }

  private static CharBuffer decodeUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw invalid("body is not valid UTF-8");
    }
  }

  /** Checks every string, field name and number below {@code node}; the depth is already bounded. */
  private static void checkTree(JsonNode node, String path) {
    if (node.isTextual()) {
      String problem = textProblem(node.textValue());
      if (problem != null) {
        throw invalid("%s %s", describe(path), problem);
      }
    } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
      throw invalid("%s: the number is too large", describe(path));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String problem = textProblem(field.getKey());
        if (problem != null) {
          throw invalid("%s: a field name %s", describe(path), problem);
        }
        checkTree(field.getValue(), child(path, field.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkTree(node.get(i), element(path, i));
      }
    }
  }

  /** What PostgreSQL cannot store in a text or JSONB value, or null when the text is fine. */
  private static String textProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return "contains a NUL character";
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains invalid Unicode (an unpaired surrogate)";
      }
    }
    return null;
  }

  static JsonNode field(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value;
  }

  static JsonNode required(JsonNode object, String name, String path) {
    JsonNode value = field(object, name);
    if (value == null) {
      throw invalid("field '%s' is required", child(path, name));
    }
    return value;
  }

  /** A string field, or null when absent or JSON null. */
  static String optionalText(JsonNode object, String name, String path) {
    JsonNode value = field(object, name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(child(path, name), "a string", value);
    }
    return value.textValue();
  }

  /** A string field that must be present and not blank. */
  static String requiredText(JsonNode object, String name, String path) {
    String value = optionalText(object, name, path);
    if (value == null) {
      throw invalid("field '%s' is required", child(path, name));
    }
    if (value.isBlank()) {
      throw invalid("%s must not be empty", child(path, name));
    }
    return value;
  }

  /** A string field treated as absent when blank, as templates render missing values as "". */
  static String nonBlankText(JsonNode object, String name, String path) {
    String value = optionalText(object, name, path);
    return value == null || value.isBlank() ? null : value;
  }

  static JsonNode optionalObject(JsonNode object, String name, String path) {
    return optionalOfType(object, name, path, JsonNodeType.OBJECT, "a JSON object");
  }

  static JsonNode requiredObject(JsonNode object, String name, String path) {
    required(object, name, path);
    return optionalObject(object, name, path);
  }

  static JsonNode optionalArray(JsonNode object, String name, String path) {
    return optionalOfType(object, name, path, JsonNodeType.ARRAY, "an array");
  }

  static JsonNode optionalNumber(JsonNode object, String name, String path) {
    return optionalOfType(object, name, path, JsonNodeType.NUMBER, "a number");
  }

  private static JsonNode optionalOfType(
      JsonNode object, String name, String path, JsonNodeType type, String expected) {
    JsonNode value = field(object, name);
    if (value != null && value.getNodeType() != type) {
      throw wrongType(child(path, name), expected, value);
    }
    return value;
  }

  /** A link field: a string of at most {@link #MAX_LINK_CHARS}, or null when absent or blank. */
  static String optionalLink(JsonNode object, String name, String path) {
    return bounded(nonBlankText(object, name, path), child(path, name), MAX_LINK_CHARS);
  }

  /** A dedupe key or identity: not blank, and at most {@link #MAX_KEY_CHARS}. */
  static String key(String value, String path) {
    return key(value, path, MAX_KEY_CHARS);
  }

  /** A key that is not blank and at most {@code max} characters. */
  static String key(String value, String path, int max) {
    if (value.isBlank()) {
      throw invalid("%s must not be empty", path);
    }
    return bounded(value, path, max);
  }

  /** The value itself, refused when longer than {@code max}; null stays null. */
  static String bounded(String value, String path, int max) {
    if (value != null && value.length() > max) {
      throw invalid("%s is %,d characters; at most %,d are accepted", path, value.length(), max);
    }
    return value;
  }

  /** A JSON object whose values must all be strings, read as labels. */
  static Map<String, String> labels(JsonNode object, String path) {
    return labels(stringMap(object, path), path);
  }

  /** A JSON object whose values must all be strings, read as annotations. */
  static Map<String, String> annotations(JsonNode object, String path) {
    return annotations(stringMap(object, path), path);
  }

  static Map<String, String> labels(Map<String, String> labels, String path) {
    return checkedMap(labels, path, "labels", MAX_LABELS, MAX_LABEL_VALUE_CHARS);
  }

  static Map<String, String> annotations(Map<String, String> annotations, String path) {
    return checkedMap(annotations, path, "annotations", MAX_ANNOTATIONS, MAX_ANNOTATION_VALUE_CHARS);
  }

  /** Each value of a JSON object as text: strings as they are, anything else as compact JSON. */
  static Map<String, String> flatten(JsonNode object) {
    return entries(object, (name, value) -> value.isTextual() ? value.textValue() : compact(value));
  }

  private static Map<String, String> stringMap(JsonNode object, String path) {
    if (object == null) {
      return Map.of();
    }
    return entries(
        object,
        (name, value) -> {
          if (!value.isTextual()) {
            throw wrongType(child(path, name), "a string", value);
          }
          return value.textValue();
        });
  }

  private static Map<String, String> entries(JsonNode object, BiFunction<String, JsonNode, String> text) {
    Map<String, String> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(field -> map.put(field.getKey(), text.apply(field.getKey(), field.getValue())));
    return map;
  }

  // Names and values come from a tree readObject has checked, so NULs and broken Unicode are gone.
  private static Map<String, String> checkedMap(
      Map<String, String> map, String path, String noun, int maxEntries, int maxValueChars) {
    if (map.size() > maxEntries) {
      throw invalid("%s: %,d %s; at most %d are accepted", path, map.size(), noun, maxEntries);
    }
    for (Map.Entry<String, String> entry : map.entrySet()) {
      String name = entry.getKey();
      if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
        throw invalid(
            "%s: the name %s is %,d characters; names of 1 to %d are accepted",
            path, quote(name), name.length(), MAX_NAME_CHARS);
      }
      bounded(entry.getValue(), child(path, name), maxValueChars);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Cuts a summary to {@link #MAX_SUMMARY_CHARS}: a summary is shown, so a long one is not refused. */
  static String summary(String text) {
    return cut(text, MAX_SUMMARY_CHARS);
  }

  /** At most {@code max} characters, the last an ellipsis when cut, never splitting a surrogate pair. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** An RFC 3339 date-time with an offset, in the accepted years; null when absent or JSON null. */
  static Instant optionalInstant(JsonNode object, String name, String path) {
    String text = optionalText(object, name, path);
    return text == null ? null : instant(text, child(path, name));
  }

  static Instant instant(String text, String path) {
    OffsetDateTime time;
    try {
      time = DATE_TIME.parse(text, OffsetDateTime::from);
    } catch (DateTimeException e) {
      if (text.matches("^[+-]?\\d{5,}-.*")) {
        throw outOfRange(path, text);
      }
      throw invalid("%s: %s is not an RFC 3339 date like 2024-05-01T10:00:00Z", path, quote(text));
    }
    return inRange(time.toInstant(), path, text);
  }

  /** Milliseconds since the epoch, as a number or a string of digits. */
  static Instant epochMillis(JsonNode value, String path) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return inRange(Instant.ofEpochMilli(value.longValue()), path, value.asText());
    }
    if (value.isTextual() && value.textValue().matches("\\d{1,18}")) {
      return inRange(Instant.ofEpochMilli(Long.parseLong(value.textValue())), path, value.textValue());
    }
    throw invalid(
        "%s must be milliseconds since 1970 (a whole number or a string of digits), not %s",
        path, value.isTextual() ? quote(value.textValue()) : compactForMessage(value));
  }

  private static Instant inRange(Instant instant, String path, String text) {
    if (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) {
      throw outOfRange(path, text);
    }
    return instant;
  }

  private static InvalidPayloadException outOfRange(String path, String text) {
    return invalid("%s: %s is not a date between %d and %d", path, quote(text), MIN_YEAR, MAX_YEAR);
  }

  /** The compact JSON of a node; every node read here has already passed {@link #checkTree}. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree read from a body cannot be written back", e);
    }
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String child(String path, String name) {
    String shown = name.length() > MAX_QUOTED_CHARS ? quote(name) : name;
    return path.isEmpty() ? shown : path + "." + shown;
  }

  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /** A value for a message: quoted, cut when long, with control characters escaped. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("'");
    cut(text, MAX_QUOTED_CHARS)
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
              } else {
                quoted.appendCodePoint(c);
              }
            });
    return quoted.append('\'').toString();
  }

  static InvalidPayloadException invalid(String format, Object... args) {
    return new InvalidPayloadException(String.format(Locale.ROOT, format, args));
  }

  static InvalidPayloadException wrongType(String path, String expected, JsonNode value) {
    return invalid("%s must be %s, not %s", path, expected, typeName(value));
  }

  private static String describe(String path) {
    return path.isEmpty() ? "body" : path;
  }

  private static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "a JSON object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String compactForMessage(JsonNode value) {
    return value.isContainerNode() ? typeName(value) : quote(value.asText());
  }

  private static String where(JsonParser parser) {
    return "line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr();
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  // Jackson appends where it read from and, for some errors, the setting that refused the input.
  private static String brief(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    for (String tail : new String[] {" (start marker", "\n at [Source", " for `", ": not allowed when"}) {
      int cut = message.indexOf(tail);
      if (cut > 0) {
        message = message.substring(0, cut);
      }
    }
    message = message.replaceAll(", from `[^`]*`", "");
    return cut(message, MAX_PARSER_DETAIL_CHARS);
  }
}
