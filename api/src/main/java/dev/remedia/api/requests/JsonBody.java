package dev.remedia.api.requests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.api.problem.ApiProblem;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The small JSON object an action takes ({"by": "alice"}, {"decision": "approve", ...}), read strictly:
 * anything but an object of the known fields is a 400 that names the problem and shows an example.
 */
public final class JsonBody {

  // A repeated field ({"decision": "approve", "decision": "reject"}) is ambiguous: refused, not last-wins.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final ObjectNode json;

  private JsonBody(ObjectNode json) {
    this.json = json;
  }

  /**
   * @param body the request body; blank means an empty object
   * @param fields the fields the action accepts
   * @param example a valid body, quoted in errors
   */
  public static JsonBody parse(String body, Set<String> fields, String example) {
    if (body == null || body.isBlank()) {
      return new JsonBody(JsonNodeFactory.instance.objectNode());
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (MismatchedInputException e) {
      throw ApiProblem.badRequest("the body names a field twice: send " + example);
    } catch (IOException e) {
      throw ApiProblem.badRequest("the body is not JSON: send " + example);
    }
    if (json == null || !json.isObject()) {
      throw ApiProblem.badRequest("the body must be a JSON object like " + example);
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!fields.contains(field)) {
        throw ApiProblem.badRequest(
            "unknown field '" + field + "': the fields are " + String.join(", ", fields.stream().sorted().toList()));
      }
    }
    return new JsonBody((ObjectNode) json);
  }

  /**
   * A text field, stripped; empty when absent or null.
   *
   * @param multiline whether line breaks are allowed (a reason may have them, a name may not)
   */
  public Optional<String> text(String field, int maxChars, boolean multiline) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiProblem.badRequest("'" + field + "' must be a non-empty string");
    }
    String text = value.asText().strip();
    boolean control =
        text.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')));
    if (text.length() > maxChars || control) {
      throw ApiProblem.badRequest(
          "'" + field + "' must be at most " + maxChars + " characters without control characters");
    }
    return Optional.of(text);
  }
}
