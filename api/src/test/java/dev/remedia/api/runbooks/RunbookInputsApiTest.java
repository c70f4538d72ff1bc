package dev.remedia.api.runbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every runbook in the catalog checks a manual run's input against the JSON Schema that
 * {@code GET /api/runbooks} publishes for it: each field refuses a value of another type (no coercion of
 * "3" to 3 or of 12 to "12"), unknown fields are refused, and a missing required field is named.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class RunbookInputsApiTest extends ApiTestSupport {

  // For each JSON Schema type, a value of another type, and how the answer words the expected type.
  private static final Map<String, Map.Entry<String, String>> WRONG_VALUES =
      Map.of(
          "string", Map.entry("12", "a string"),
          "integer", Map.entry("\"3\"", "a whole number"),
          "number", Map.entry("\"3.5\"", "a number"),
          "boolean", Map.entry("1", "true or false"),
          "array", Map.entry("\"x\"", "a JSON array"),
          "object", Map.entry("\"x\"", "a JSON object"));

  static Stream<String> runbooks() {
    return RunbookCatalog.all().stream().map(RunbookDefinition::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runbooks")
  void everyFieldRefusesAValueOfAnotherTypeAndSaysWhichTypeItWants(String runbook) {
    JsonNode properties = schema(runbook).get("properties");
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String type = field.getValue().get("type").asText();
      Map.Entry<String, String> wrong = WRONG_VALUES.get(type);
      HttpResponse<String> response = start(runbook, "{\"" + field.getKey() + "\": " + wrong.getKey() + "}");

      assertProblem(response, "field '" + field.getKey() + "' must be " + wrong.getValue());
      checked.add(field.getKey());
      JsonNode items = field.getValue().get("items");
      if (items != null) {
        Map.Entry<String, String> wrongItem = WRONG_VALUES.get(items.get("type").asText());
        assertProblem(
            start(runbook, "{\"" + field.getKey() + "\": [" + wrongItem.getKey() + "]}"),
            "field '" + field.getKey() + "[0]' must be " + wrongItem.getValue());
      }
    }
    assertTrue(checked.size() == properties.size() && !checked.isEmpty(), "checked " + checked);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runbooks")
  void anUnknownFieldIsRefusedWithTheFieldsTheSchemaLists(String runbook) {
    JsonNode schema = schema(runbook);
    List<String> fields = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(fields::add);

    assertEquals(false, schema.get("additionalProperties").asBoolean());
    assertProblem(
        start(runbook, "{\"notAField\": true}"),
        "unknown field 'notAField' for runbook '" + runbook + "'; its fields are " + String.join(", ", fields));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runbooks")
  void anEmptyInputIsRefusedNamingARequiredField(String runbook) {
    JsonNode required = schema(runbook).get("required");
    List<String> names = new ArrayList<>();
    required.forEach(name -> names.add(name.asText()));

    HttpResponse<String> response = start(runbook, "{}");

    assertEquals(400, response.statusCode(), response.body());
    String detail = json(response).get("detail").asText();
    assertTrue(names.stream().anyMatch(detail::contains), detail + " names none of " + names);
  }

  private JsonNode schema(String runbook) {
    for (JsonNode entry : json(get("/api/runbooks"))) {
      if (entry.get("name").asText().equals(runbook)) {
        return entry.get("inputSchema");
      }
    }
    throw new AssertionError("the catalog does not list " + runbook);
  }

  private HttpResponse<String> start(String runbook, String body) {
    return post("/api/runbooks/" + runbook + "/runs", "application/json", body);
  }

  private static void assertProblem(HttpResponse<String> response, String detail) {
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals(detail, json(response).get("detail").asText());
  }
}
