package dev.remedia.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code /api/tokens}: created and shown once, listed without secrets, revoked at once, audited. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class TokensApiTest extends ApiTestSupport {

  @Inject AuditLog audit;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig("people:\n  - { name: alice, slack: U0ALICE01 }\n"));
    return properties;
  }

  @Test
  void aCreatedTokenIsShownOnceAndWorksForItsRole() {
    String name = unique("ci-bot");
    HttpResponse<String> created =
        post("/api/tokens", "application/json", "{\"name\": \"" + name + "\", \"role\": \"viewer\", \"person\": \"alice\"}");

    assertEquals(201, created.statusCode(), created.body());
    JsonNode body = json(created);
    assertEquals(Set.of("id", "name", "role", "person", "createdAt", "token"), fields(body));
    assertEquals(name, body.get("name").asText());
    assertEquals("viewer", body.get("role").asText());
    assertEquals("alice", body.get("person").asText());
    assertNotNull(Instant.parse(body.get("createdAt").asText()));
    String token = body.get("token").asText();
    assertTrue(token.matches("rmd_[A-Za-z0-9_-]{43,}"), token);

    HttpResponse<String> read = getAs(token, "/api/runs");
    assertEquals(200, read.statusCode(), read.body());
    HttpResponse<String> write =
        sendAs(token, HttpRequest.newBuilder(baseUri().resolve("/api/runbooks/http-check/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"http://127.0.0.1:9/\"}")));
    assertEquals(403, write.statusCode(), write.body());
    assertEquals(
        "POST /api/runbooks/http-check/runs needs the operator role; the token '" + name + "' has the viewer role",
        json(write).get("detail").asText());

    String listing = get("/api/tokens").body();
    assertFalse(listing.contains(token), "the listing shows the value");
    assertFalse(listing.contains(TokenHashes.hash(token)), "the listing shows the hash");
  }

  @Test
  void theListingShowsEveryTokenWithoutItsValueOrHash() {
    String name = unique("lister");
    String token = createToken(name, "operator", null);
    getAs(token, "/api/incidents");

    JsonNode listed = eventually(() -> {
      JsonNode found = listed(name);
      return found != null && !found.get("lastUsedAt").isNull() ? found : null;
    });
    assertEquals(
        Set.of("id", "name", "role", "person", "createdAt", "createdBy", "lastUsedAt", "revokedAt"), fields(listed));
    assertEquals("operator", listed.get("role").asText());
    assertTrue(listed.get("person").isNull());
    assertEquals("token:admin-token", listed.get("createdBy").asText());
    assertTrue(listed.get("revokedAt").isNull());
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndItsNameIsFreeAgain() {
    String name = unique("short-lived");
    String token = createToken(name, "admin", null);
    String id = listed(name).get("id").asText();
    assertEquals(200, getAs(token, "/api/tokens").statusCode());

    HttpResponse<String> revoked = sendAs(token, HttpRequest.newBuilder(baseUri().resolve("/api/tokens/" + id)).DELETE());
    assertEquals(204, revoked.statusCode(), revoked.body());

    HttpResponse<String> after = getAs(token, "/api/runs");
    assertEquals(401, after.statusCode(), after.body());
    assertEquals("Bearer", after.headers().firstValue("WWW-Authenticate").orElse(null));
    assertTrue(json(after).get("detail").asText().startsWith("the token '" + name + "' was revoked at "), after.body());
    assertFalse(listed(name).get("revokedAt").isNull());
    assertEquals(204, delete("/api/tokens/" + id).statusCode(), "revoking twice is harmless");

    String again = createToken(name, "viewer", null);
    assertEquals(200, getAs(again, "/api/runs").statusCode());
    assertEquals(401, getAs(token, "/api/runs").statusCode(), "the old token stays revoked");

    List<String> audited =
        audit.forObject("token", id).stream().map(e -> e.actor() + " " + e.action() + " " + e.outcome()).toList();
    assertEquals(
        List.of(
            "token:admin-token token.create created",
            "token:" + name + " token.revoke revoked",
            "token:admin-token token.revoke already revoked"),
        audited);
  }

  @Test
  void aLiveNameCannotBeTakenTwice() {
    String name = unique("twice");
    createToken(name, "viewer", null);

    HttpResponse<String> second = post("/api/tokens", "application/json", "{\"name\": \"" + name + "\", \"role\": \"admin\"}");

    assertEquals(409, second.statusCode(), second.body());
    assertEquals("a live token is already named '" + name + "'; revoke it first or choose another name",
        json(second).get("detail").asText());
    HttpResponse<String> reserved = post("/api/tokens", "application/json", "{\"name\": \"admin-token\", \"role\": \"admin\"}");
    assertEquals(409, reserved.statusCode(), reserved.body());
  }

  @Test
  void badRequestsAreRefusedWithWhatWasWrong() {
    assertProblem(post("/api/tokens", "application/json", ""), 400, "'name' is required");
    assertProblem(post("/api/tokens", "application/json", "{\"name\": \"x\"}"), 400, "'role' is required");
    assertProblem(post("/api/tokens", "application/json", "{\"name\": \"x\", \"role\": \"root\"}"), 400,
        "'role' must be one of viewer, operator, approver, admin, not 'root'");
    assertProblem(post("/api/tokens", "application/json", "{\"name\": \"two words\", \"role\": \"viewer\"}"), 400,
        "'name' must be 1 to 100 letters");
    assertProblem(post("/api/tokens", "application/json", "{\"name\": \"x\", \"role\": \"viewer\", \"person\": \"mallory\"}"),
        400, "'mallory' is not one of them");
    assertProblem(post("/api/tokens", "application/json", "{\"name\": \"x\", \"role\": \"viewer\", \"token\": \"mine\"}"),
        400, "unknown field 'token'");
    assertProblem(post("/api/tokens", "application/json", "[1]"), 400, "JSON object");
    assertProblem(delete("/api/tokens/" + UUID.randomUUID()), 404, "no token with id");
    assertProblem(delete("/api/tokens/not-a-uuid"), 404, "no token with id");
  }

  @Test
  void creatingAndRevokingAreAudited() {
    String name = unique("audited");
    String token = createToken(name, "approver", "alice");
    String id = listed(name).get("id").asText();

    List<AuditEntry> entries = audit.forObject("token", id);
    assertEquals(1, entries.size());
    assertEquals("created", entries.get(0).outcome());
    assertTrue(entries.get(0).detailJson().contains("\"role\": \"approver\""), entries.get(0).detailJson());
    assertTrue(entries.get(0).detailJson().contains("\"person\": \"alice\""), entries.get(0).detailJson());
    assertFalse(entries.get(0).detailJson().contains(token), "the value in the audit log");
  }

  private JsonNode listed(String name) {
    for (JsonNode token : json(get("/api/tokens")).get("items")) {
      if (token.get("name").asText().equals(name)) {
        return token;
      }
    }
    return null;
  }

  private HttpResponse<String> getAs(String token, String path) {
    return sendAs(token, HttpRequest.newBuilder(baseUri().resolve(path)).GET());
  }

  private HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(baseUri().resolve(path)).DELETE());
  }

  private void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(json(response).get("detail").asText().contains(detail), response.body());
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> fields = new TreeSet<>();
    node.fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
