package dev.remedia.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.api.ApiTestSupport;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every route of the application, as its router lists it (Slack and Twilio configured, so theirs are
 * there too), asked with no token, an unknown token, a revoked token, each role that is too low and
 * each role that is enough. Routes added later are in the list by themselves and held to the defaults.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class AccessApiTest extends ApiTestSupport {

  /**
   * The role each route needs, written out apart from {@link AccessPolicy}. HEAD needs what GET on the
   * same path needs. A route missing here is held to the defaults: GET under /api viewer, any other
   * method under /api operator, elsewhere no token.
   */
  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("GET /api/runbooks", "viewer"),
          Map.entry("POST /api/runbooks/{name}/runs", "operator"),
          Map.entry("GET /api/runs", "viewer"),
          Map.entry("GET /api/runs/{id}", "viewer"),
          Map.entry("GET /api/incidents", "viewer"),
          Map.entry("GET /api/incidents/{id}", "viewer"),
          Map.entry("POST /api/incidents/{id}/ack", "operator"),
          Map.entry("POST /api/incidents/{id}/resolve", "operator"),
          Map.entry("GET /api/alerts/{id}", "viewer"),
          Map.entry("GET /api/pages", "viewer"),
          Map.entry("POST /api/pages/{id}/ack", "operator"),
          Map.entry("POST /api/pages/{id}/resolve", "operator"),
          Map.entry("GET /api/approvals", "viewer"),
          Map.entry("GET /api/approvals/{id}", "viewer"),
          Map.entry("POST /api/approvals/{id}/decision", "approver"),
          Map.entry("GET /api/oncall", "viewer"),
          Map.entry("GET /api/tokens", "admin"),
          Map.entry("POST /api/tokens", "admin"),
          Map.entry("DELETE /api/tokens/{id}", "admin"),
          Map.entry("POST /webhooks/{source}", "none"),
          Map.entry("POST /slack/interactions", "none"),
          Map.entry("POST /twilio/sms", "none"),
          Map.entry("POST /twilio/status", "none"),
          Map.entry("POST /twilio/voice/gather", "none"),
          Map.entry("POST /twilio/voice/status", "none"),
          Map.entry("GET /health", "none"));

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}?&/]+)}");

  @Inject Router router;
  @Inject AccessPolicy policy;

  private final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private String revoked;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("remedia.slack.signing-secret", "access-test-signing-secret");
    properties.put("remedia.twilio.account-sid", "AC0123456789abcdef0123456789abcdef");
    properties.put("remedia.twilio.auth-token", "access-test-twilio-token");
    properties.put("remedia.twilio.from", "+15005550006");
    properties.put("remedia.twilio.public-url", "https://remedia.example.com");
    return properties;
  }

  @Test
  void thePolicyGivesEveryRouteTheRoleTheTableSays() {
    List<String> wrong = new ArrayList<>();
    for (String route : routes()) {
      String[] parts = route.split(" ", 2);
      String actual = policy.required(HttpMethod.parse(parts[0]), parts[1]).map(Role::id).orElse("none");
      if (!actual.equals(expected(route))) {
        wrong.add(route + " needs " + actual + ", the table says " + expected(route));
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(routes().containsAll(EXPECTED.keySet()), "routes in the table that the app does not have: " + routes());
  }

  @Test
  void everyApiRouteRefusesNoTokenAnUnknownOneAndARevokedOneWith401() {
    for (String route : routes()) {
      if (expected(route).equals("none")) {
        continue;
      }
      assertUnauthorized(route, request(route, null), "this needs an API token");
      assertUnauthorized(route, request(route, "rmd_" + UUID.randomUUID()), "is not a Remedia API token");
      assertUnauthorized(route, request(route, revoked()), "was revoked at");
      assertUnauthorized(route, requestWithHeader(route, "Basic YWRtaW46YWRtaW4="), "must use the Bearer scheme");
    }
  }

  @Test
  void everyApiRouteRefusesATokenWhoseRoleIsTooLowWith403NamingBothRoles() {
    int checked = 0;
    for (String route : routes()) {
      Optional<Role> needed = Role.fromId(expected(route));
      if (needed.isEmpty()) {
        continue;
      }
      for (Role role : Role.values()) {
        if (role.allows(needed.get())) {
          continue;
        }
        HttpResponse<String> response = request(route, token(role));
        assertEquals(403, response.statusCode(), route + " with a " + role.id() + " token: " + response.body());
        if (route.startsWith("HEAD ")) {
          continue;
        }
        assertProblem(response);
        String detail = json(response).get("detail").asText();
        assertTrue(detail.contains("needs the " + needed.get().id() + " role"), route + ": " + detail);
        assertTrue(detail.contains("has the " + role.id() + " role"), route + ": " + detail);
        checked++;
      }
    }
    assertTrue(checked >= 15, "only " + checked + " wrong-role requests were made");
  }

  @Test
  void everyApiRouteLetsEachRoleThatIsEnoughThrough() {
    for (String route : routes()) {
      Optional<Role> needed = Role.fromId(expected(route));
      if (needed.isEmpty()) {
        continue;
      }
      for (Role role : Role.values()) {
        if (!role.allows(needed.get())) {
          continue;
        }
        HttpResponse<String> response = request(route, token(role));
        assertFalse(
            List.of(401, 403, 429).contains(response.statusCode()),
            route + " with a " + role.id() + " token: " + response.statusCode() + " " + response.body());
      }
    }
  }

  @Test
  void routesOutsideTheApiNeedNoApiToken() {
    for (String route : routes()) {
      if (!expected(route).equals("none")) {
        continue;
      }
      HttpResponse<String> response = request(route, null);
      // Whatever else the route answers (its own verification, a bad body), it never asks for a token.
      assertNotEquals(401, response.statusCode(), route + " without a token: " + response.body());
      assertTrue(
          response.headers().firstValue("WWW-Authenticate").isEmpty(),
          route + " without a token asked for one: " + response.body());
    }
    assertEquals(200, get("/health").statusCode());
  }

  @Test
  void otherSpellingsOfAnAdminPathNeverLetAViewerIn() {
    for (String path : List.of("//api/tokens", "/api/tokens/", "/API/tokens", "/api//tokens", "/api/./tokens",
        "/api/%74okens", "/api/tokens;x=1", "/api/tokens?role=viewer", "/webhooks/../api/tokens",
        "/health/../api/tokens", "/api/runs/../tokens", "/api/tokens%2F", "/api/tokens%00")) {
      HttpResponse<String> response =
          sendAs(null, HttpRequest.newBuilder(at(path)).header("Authorization", "Bearer " + token(Role.VIEWER)).GET());
      assertTrue(
          response.statusCode() == 403 || response.statusCode() == 404 || response.statusCode() == 400,
          path + ": " + response.statusCode() + " " + response.body());
      assertFalse(response.body().contains("\"items\""), path + " listed tokens to a viewer: " + response.body());
    }
  }

  @Test
  void unknownPathsUnderTheApiNeedATokenBeforeTheyAreNotFound() {
    HttpResponse<String> anonymous = sendAs(null, HttpRequest.newBuilder(at("/api/no-such-thing")).GET());
    assertEquals(401, anonymous.statusCode(), anonymous.body());

    HttpResponse<String> viewer = sendAs(token(Role.VIEWER), HttpRequest.newBuilder(at("/api/no-such-thing")).GET());
    assertEquals(404, viewer.statusCode(), viewer.body());
  }

  private void assertUnauthorized(String route, HttpResponse<String> response, String detail) {
    assertEquals(401, response.statusCode(), route + ": " + response.body());
    assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null), route);
    if (!route.startsWith("HEAD ")) {
      assertProblem(response);
      assertTrue(json(response).get("detail").asText().contains(detail), route + ": " + response.body());
    }
  }

  private static void assertProblem(HttpResponse<String> response) {
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
  }

  /** Every route as "METHOD template", sorted. */
  private TreeSet<String> routes() {
    TreeSet<String> routes = new TreeSet<>();
    router.uriRoutes()
        .map(route -> (UriRouteInfo<?, ?>) route)
        .forEach(route -> routes.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString()));
    return routes;
  }

  private static String expected(String route) {
    if (route.startsWith("HEAD ")) {
      return expected("GET " + route.substring("HEAD ".length()));
    }
    String known = EXPECTED.get(route);
    if (known != null) {
      return known;
    }
    String[] parts = route.split(" ", 2);
    if (!parts[1].equals("/api") && !parts[1].startsWith("/api/")) {
      return "none";
    }
    return List.of("GET", "HEAD", "OPTIONS").contains(parts[0]) ? "viewer" : "operator";
  }

  private HttpResponse<String> request(String route, String token) {
    return token == null ? sendAs(null, builder(route)) : requestWithHeader(route, "Bearer " + token);
  }

  private HttpResponse<String> requestWithHeader(String route, String authorization) {
    return sendAs(null, builder(route).header("Authorization", authorization));
  }

  /** The route with sample values: ids that name nothing, a runbook and a source that do not exist. */
  private HttpRequest.Builder builder(String route) {
    String[] parts = route.split(" ", 2);
    Matcher variables = VARIABLE.matcher(parts[1].replaceAll("\\{[?&][^}]*}", ""));
    StringBuilder path = new StringBuilder();
    while (variables.find()) {
      String sample =
          switch (variables.group(1)) {
            case "name" -> "no-such-runbook";
            case "source" -> "no-such-source";
            default -> UUID.randomUUID().toString();
          };
      variables.appendReplacement(path, sample);
    }
    variables.appendTail(path);
    HttpRequest.Builder builder = HttpRequest.newBuilder(at(path.toString()));
    return parts[0].equals("GET") || parts[0].equals("DELETE") || parts[0].equals("HEAD")
        ? builder.method(parts[0], HttpRequest.BodyPublishers.noBody())
        : builder.header("Content-Type", "application/json").method(parts[0], HttpRequest.BodyPublishers.ofString("{}"));
  }

  /** The path on the server as written: {@code //api} is a path here, not a host. */
  private URI at(String path) {
    return URI.create(baseUri().toString().replaceAll("/+$", "") + path);
  }

  private synchronized String token(Role role) {
    return tokens.computeIfAbsent(role, r -> createToken("access-" + r.id(), r.id(), null));
  }

  private synchronized String revoked() {
    if (revoked == null) {
      revoked = createToken("access-revoked", "admin", null);
      HttpResponse<String> deleted =
          send(HttpRequest.newBuilder(baseUri().resolve("/api/tokens/" + idOf("access-revoked"))).DELETE());
      assertEquals(204, deleted.statusCode(), deleted.body());
    }
    return revoked;
  }

  private String idOf(String name) {
    for (var token : json(get("/api/tokens")).get("items")) {
      if (token.get("name").asText().equals(name)) {
        return token.get("id").asText();
      }
    }
    throw new AssertionError("no token named " + name);
  }
}
