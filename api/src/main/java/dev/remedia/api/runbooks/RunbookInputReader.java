package dev.remedia.api.runbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import jakarta.inject.Singleton;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a runbook's input record from a request body, strictly: unknown fields, wrong types and values
 * the record's own validation refuses all become a 400 that names the field. Parsing uses Temporal's
 * JSON mapper, so the record reads exactly as the workflow will receive it.
 *
 * <p>A JSON body must give each field the type its schema says: {@code "3"} is no integer and {@code 3}
 * no string. A route's input is rendered from templates, which only make text, so it may still give a
 * number or a boolean as text (docs/configuration.md).
 */
@Singleton
public class RunbookInputReader {

  private final ObjectMapper mapper =
      JacksonJsonPayloadConverter.newDefaultObjectMapper()
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  private final ObjectMapper strict = withoutScalarCoercion(mapper.copy());

  Record read(RunbookDefinition runbook, String body) {
    if (body == null || body.isBlank()) {
      throw ApiProblem.badRequest(
          "the body must be a JSON object with the input of '" + runbook.name()
              + "'; GET /api/runbooks shows its schema");
    }
    if (body.indexOf('\0') >= 0 || body.toLowerCase(Locale.ROOT).contains("\\u0000")) {
      throw ApiProblem.badRequest("the input must not contain NUL characters");
    }
    return read(runbook, parse(body), strict);
  }

  /** Reads an input the read model stored (a run's input, for a retry), with the same checks as a body. */
  public Record readStored(RunbookDefinition runbook, String storedJson) {
    return read(runbook, parse(storedJson), strict);
  }

  /**
   * Reads an input a route rendered from an alert, with the same checks as a request body except that
   * text may stand for a number or a boolean.
   *
   * @throws ApiProblem a 400 whose message names the field and what is wrong with it
   */
  public Record read(RunbookDefinition runbook, JsonNode input) {
    return read(runbook, input, mapper);
  }

  private static Record read(RunbookDefinition runbook, JsonNode input, ObjectMapper reader) {
    if (!input.isObject()) {
      throw ApiProblem.badRequest("the input must be a JSON object, not " + input.getNodeType().name().toLowerCase());
    }
    if (containsNul(input)) {
      throw ApiProblem.badRequest("the input must not contain NUL characters");
    }
    rejectUnknownFields(runbook, input);
    try {
      return reader.treeToValue(input, runbook.inputType());
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw ApiProblem.badRequest(cause.getMessage());
    } catch (MismatchedInputException e) {
      throw ApiProblem.badRequest(
          "field '" + path(e.getPath()) + "' must be " + expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest("the input cannot be read: " + brief(e));
    }
  }

  /** Turns any JSON-shaped value (maps, lists, strings, numbers, booleans) into a tree. */
  public JsonNode tree(Object value) {
    return mapper.valueToTree(value);
  }

  /** A validated input as JSON values, the form in which it crosses Temporal inside other records. */
  public Map<String, Object> toMap(Record input) {
    return mapper.convertValue(input, new TypeReference<Map<String, Object>>() {});
  }

  /** Serialises a validated input the way it will cross Temporal, for the read model. */
  String write(Record input) {
    try {
      return mapper.writeValueAsString(input);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("runbook input cannot be written as JSON", e);
    }
  }

  /** Whether a stored input (JSON from the read model) is the same as {@code input}, key order aside. */
  boolean sameInput(String storedJson, Record input) {
    try {
      return mapper.readTree(storedJson).equals(mapper.valueToTree(input));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private JsonNode parse(String body) {
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ApiProblem.badRequest("the body is not valid JSON" + where + ": " + brief(e));
    }
  }

  // Jackson would turn 12 into "12", "3" into 3 and 1 into true; a schema's types mean what they say.
  private static ObjectMapper withoutScalarCoercion(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  private static boolean containsNul(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().indexOf('\0') >= 0 || containsNul(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (containsNul(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void rejectUnknownFields(RunbookDefinition runbook, JsonNode input) {
    List<String> known =
        Arrays.stream(runbook.inputType().getRecordComponents()).map(RecordComponent::getName).toList();
    for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiProblem.badRequest(
            "unknown field '" + name + "' for runbook '" + runbook.name() + "'; its fields are "
                + String.join(", ", known));
      }
    }
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    // An enum reads from a string; its class name means nothing to the caller, the schema lists the values.
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    return type.isRecord() || Map.class.isAssignableFrom(type) ? "a JSON object" : "a " + type.getSimpleName();
  }

  // Jackson appends where it read from; the line and column are already in our message.
  private static String brief(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int source = message.indexOf(" (start marker");
    if (source < 0) {
      source = message.indexOf("\n at [Source");
    }
    return source < 0 ? message : message.substring(0, source);
  }

  private static String path(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .substring(1);
  }
}
