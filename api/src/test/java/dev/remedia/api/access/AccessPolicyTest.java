package dev.remedia.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The role policy by method and path; {@link AccessApiTest} holds it against every route of the app. */
class AccessPolicyTest {

  private final AccessPolicy policy = new AccessPolicy(false);

  @ParameterizedTest(name = "{0} {1} needs {2}")
  @CsvSource({
    "GET,     /api/incidents,                        viewer",
    "GET,     /api/incidents/{id},                   viewer",
    "HEAD,    /api/runs,                             viewer",
    "OPTIONS, /api/runs,                             viewer",
    "POST,    /api/incidents/{id}/ack,               operator",
    "POST,    /api/runbooks/{name}/runs,             operator",
    "PUT,     /api/anything/new,                     operator",
    "DELETE,  /api/runs/{id},                        operator",
    "PATCH,   /api/runs/{id},                        operator",
    "POST,    /api/approvals/{id}/decision,          approver",
    "POST,    /api/approvals/7d1f/decision,          approver",
    "GET,     /api/approvals/{id},                   viewer",
    "POST,    /api/approvals/{id}/comment,           operator",
    "GET,     /api/tokens,                           admin",
    "POST,    /api/tokens,                           admin",
    "DELETE,  /api/tokens/{id},                      admin",
    "GET,     /api/tokens/{id}/anything,             admin",
    "GET,     /api,                                  viewer",
    "GET,     /api/,                                 viewer",
    "GET,     //api//tokens/,                        admin",
    "GET,     /API/Tokens,                           admin",
    "POST,    /Api/approvals/x/DECISION,             approver",
    "GET,     /api/tokens?x=1,                       admin",
    "GET,     /health,                               none",
    "GET,     /,                                     none",
    "POST,    /webhooks/{source},                    none",
    "POST,    /slack/interactions,                   none",
    "POST,    /twilio/sms,                           none",
    "GET,     /metrics,                              none",
    "GET,     /apis,                                 none",
    "GET,     /health/api,                           none",
  })
  void eachRequestNeedsItsRole(String method, String path, String role) {
    assertEquals(
        role.equals("none") ? Optional.empty() : Role.fromId(role),
        policy.required(HttpMethod.parse(method), path));
  }

  @Test
  void metricsNeedAViewerTokenWhenConfigured() {
    AccessPolicy guarded = new AccessPolicy(true);

    assertEquals(Optional.of(Role.VIEWER), guarded.required(HttpMethod.GET, "/metrics"));
    assertEquals(Optional.of(Role.VIEWER), guarded.required(HttpMethod.GET, "/metrics/jvm"));
    assertEquals(Optional.empty(), guarded.required(HttpMethod.GET, "/health"));
  }

  @ParameterizedTest(name = "{0} may do what {1} may: {2}")
  @CsvSource({
    "viewer,   viewer,   true",
    "viewer,   operator, false",
    "viewer,   approver, false",
    "viewer,   admin,    false",
    "operator, viewer,   true",
    "operator, operator, true",
    "operator, approver, false",
    "operator, admin,    false",
    "approver, viewer,   true",
    "approver, approver, true",
    "approver, operator, false",
    "approver, admin,    false",
    "admin,    viewer,   true",
    "admin,    operator, true",
    "admin,    approver, true",
    "admin,    admin,    true",
  })
  void rolesImplyOnlyWhatTheyInclude(String held, String needed, boolean allowed) {
    assertEquals(allowed, Role.fromId(held).orElseThrow().allows(Role.fromId(needed).orElseThrow()));
  }

  @Test
  void roleNamesAreTheApisLowerCaseOnes() {
    assertEquals("viewer, operator, approver, admin", Role.ids());
    assertTrue(Role.fromId("admin").isPresent());
    assertFalse(Role.fromId("ADMIN").isPresent());
  }
}
