package dev.remedia.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.twilio.TwilioTestData;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document the application serves, held to the routes it really has: with Slack and Twilio
 * configured, so that every route exists, each route and method must be documented and each documented
 * one must exist. The failure names each one that differs, ready to paste.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class OpenApiDocumentTest extends ApiTestSupport {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern REF = Pattern.compile("\\$ref: ['\"]?#/([^'\"\\s]+)");

  @Inject Router router;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("remedia.slack.signing-secret", "slack-signing-secret-openapi");
    properties.put("remedia.twilio.account-sid", TwilioTestData.ACCOUNT_SID);
    properties.put("remedia.twilio.auth-token", "twilio-token-openapi");
    properties.put("remedia.twilio.from", "+15005550006");
    properties.put("remedia.twilio.public-url", "https://remedia.example.com/");
    return properties;
  }

  @Test
  void theDocumentNamesEveryRouteAndMethodTheApplicationHasAndNoOther() {
    Set<String> routed =
        router
            .uriRoutes()
            .map(route -> route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path(route))
            .collect(Collectors.toCollection(TreeSet::new));
    // Micronaut answers HEAD for every GET; the document says so once instead of repeating each path.
    routed.removeIf(route -> route.startsWith("HEAD ") && routed.contains("GET " + route.substring(5)));
    Set<String> documented = documentedOperations(served());

    Set<String> missing = new TreeSet<>(routed);
    missing.removeAll(documented);
    Set<String> extra = new TreeSet<>(documented);
    extra.removeAll(routed);
    List<String> problems = new ArrayList<>();
    missing.forEach(route -> problems.add("missing from openapi.yml: " + route));
    extra.forEach(route -> problems.add("in openapi.yml but not routed: " + route));
    assertEquals(List.of(), problems, "openapi.yml and the application's routes differ");
  }

  @Test
  void everyOperationHasAnIdResponsesAndItsPathParametersAndEveryReferenceResolves() {
    Map<String, Object> document = served();
    Set<String> operationIds = new TreeSet<>();
    forEachOperation(
        document,
        (name, operation) -> {
          assertTrue(operation.get("operationId") instanceof String, name + " has no operationId");
          assertTrue(operationIds.add((String) operation.get("operationId")), name + ": operationId used twice");
          assertTrue(operation.get("responses") instanceof Map, name + " has no responses");
          Set<String> inPath = new TreeSet<>();
          Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(name);
          while (variable.find()) {
            inPath.add(variable.group(1));
          }
          assertEquals(inPath, pathParameters(document, operation), name + ": path parameters");
        });
    String text = get("/openapi.yml").body();
    Matcher ref = REF.matcher(text);
    while (ref.find()) {
      Object target = document;
      for (String step : ref.group(1).split("/")) {
        target = target instanceof Map<?, ?> map ? map.get(step) : null;
      }
      assertTrue(target != null, "$ref #/" + ref.group(1) + " points at nothing");
    }
  }

  @Test
  void theDocumentIsServedAsYamlToAnyone() {
    HttpResponse<String> response = get("/openapi.yml");

    assertEquals(200, response.statusCode());
    assertEquals("application/yaml", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.body().startsWith("openapi: 3."), response.body());
  }

  private Map<String, Object> served() {
    HttpResponse<String> response = get("/openapi.yml");
    assertEquals(200, response.statusCode(), response.body());
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(response.body());
  }

  /** The route's path as OpenAPI writes it: variables as {name}, without patterns or query parts. */
  private static String path(UriRouteInfo<?, ?> route) {
    return route.getUriMatchTemplate().toString().replaceAll("\\{([^}:?]+)[^}]*}", "{$1}").replaceAll("\\{\\?[^}]*}", "");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> pathParameters(Map<String, Object> document, Map<String, Object> operation) {
    Map<String, Object> shared =
        (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("parameters");
    Set<String> names = new TreeSet<>();
    for (Object listed : (List<Object>) operation.getOrDefault("parameters", List.of())) {
      Map<String, Object> parameter = (Map<String, Object>) listed;
      if (parameter.get("$ref") instanceof String ref) {
        parameter = (Map<String, Object>) shared.get(ref.substring(ref.lastIndexOf('/') + 1));
      }
      if ("path".equals(parameter.get("in"))) {
        names.add((String) parameter.get("name"));
      }
    }
    return names;
  }

  private static Set<String> documentedOperations(Map<String, Object> document) {
    Set<String> operations = new TreeSet<>();
    forEachOperation(document, (name, operation) -> operations.add(name));
    return operations;
  }

  @SuppressWarnings("unchecked")
  private static void forEachOperation(
      Map<String, Object> document, BiConsumer<String, Map<String, Object>> visit) {
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    paths.forEach(
        (path, item) ->
            ((Map<String, Object>) item)
                .forEach(
                    (method, operation) -> {
                      if (METHODS.contains(method)) {
                        visit.accept(method.toUpperCase(Locale.ROOT) + " " + path, (Map<String, Object>) operation);
                      }
                    }));
  }
}
