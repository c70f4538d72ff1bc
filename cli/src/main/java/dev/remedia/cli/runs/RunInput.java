package dev.remedia.cli.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.cli.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The input of a manual run, from exactly one place: {@code --input JSON}, {@code --input-file F}, or
 * {@code key=value} words. A word's value is read as JSON when it is a JSON number, boolean, null, array,
 * object or quoted string ({@code maxAttempts=2} sends the number 2), and as text otherwise
 * ({@code url=https://example.net/health}).
 */
final class RunInput {

  // Trailing tokens fail, so "2 servers down" is text rather than the number 2.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RunInput() {}

  static ObjectNode of(String inline, Path file, List<String> fields) {
    int sources = (inline != null ? 1 : 0) + (file != null ? 1 : 0) + (fields.isEmpty() ? 0 : 1);
    if (sources > 1) {
      throw new UsageError("give the input one way: --input, --input-file or key=value words");
    }
    if (inline != null) {
      return object(inline, "--input");
    }
    if (file != null) {
      return object(read(file), "--input-file " + file);
    }
    return fromFields(fields);
  }

  private static ObjectNode fromFields(List<String> fields) {
    ObjectNode input = JSON.createObjectNode();
    for (String field : fields) {
      int equals = field.indexOf('=');
      if (equals <= 0) {
        throw new UsageError("'" + field + "' is not key=value");
      }
      String key = field.substring(0, equals);
      if (input.has(key)) {
        throw new UsageError("'" + key + "' is given twice");
      }
      input.set(key, value(field.substring(equals + 1)));
    }
    return input;
  }

  private static JsonNode value(String text) {
    try {
      JsonNode parsed = JSON.readTree(text);
      if (parsed != null && !parsed.isMissingNode()) {
        return parsed;
      }
    } catch (JsonProcessingException e) {
      // Not JSON: plain text, which is what most values are.
    }
    return JSON.getNodeFactory().textNode(text);
  }

  private static ObjectNode object(String json, String where) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageError(where + " is not JSON: " + e.getOriginalMessage());
    }
    if (parsed instanceof ObjectNode object) {
      return object;
    }
    throw new UsageError(where + " must be a JSON object, like {\"url\": \"https://example.net/health\"}");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UsageError("cannot read --input-file " + file + ": " + e);
    }
  }
}
