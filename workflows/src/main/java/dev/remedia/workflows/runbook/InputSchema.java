package dev.remedia.workflows.runbook;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a JSON Schema (draft 2020-12 subset) from a runbook input record, so the catalog always shows
 * exactly what the record accepts.
 */
public final class InputSchema {

  private InputSchema() {}

  public static Map<String, Object> of(Class<? extends Record> inputType) {
    Map<String, Object> schema = objectSchema(inputType);
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    // The API refuses unknown top-level fields; nested records follow Temporal's lenient reading.
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> objectSchema(Class<?> recordType) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponent component : recordType.getRecordComponents()) {
      Map<String, Object> property = typeSchema(component.getGenericType());
      InputField doc = component.getAnnotation(InputField.class);
      if (doc != null) {
        property.put("description", doc.description());
        if (doc.required()) {
          required.add(component.getName());
        }
      }
      properties.put(component.getName(), property);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", required);
    return schema;
  }

  private static Map<String, Object> typeSchema(Type type) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> raw) {
      if (Collection.class.isAssignableFrom(raw)) {
        return schema("array", "items", typeSchema(parameterized.getActualTypeArguments()[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return schema(
            "object", "additionalProperties", typeSchema(parameterized.getActualTypeArguments()[1]));
      }
    }
    Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
    if (raw == String.class) {
      return schema("string");
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return schema("integer");
    }
    if (raw == Double.class || raw == double.class) {
      return schema("number");
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return schema("boolean");
    }
    if (raw == Instant.class) {
      return schema("string", "format", "date-time");
    }
    if (raw == Duration.class) {
      return schema("string", "format", "duration");
    }
    if (raw.isEnum()) {
      return schema(
          "string",
          "enum",
          Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList());
    }
    if (raw.isRecord()) {
      return objectSchema(raw);
    }
    throw new IllegalArgumentException("no JSON schema mapping for input field type " + type);
  }

  private static Map<String, Object> schema(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }

  private static Map<String, Object> schema(String type, String key, Object value) {
    Map<String, Object> schema = schema(type);
    schema.put(key, value);
    return schema;
  }
}
