package dev.remedia.cli.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.cli.CliRun;
import dev.remedia.cli.ExitCodes;
import dev.remedia.cli.StubRemedia;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code remedia tokens ...} against a stub of the tokens API (POST, GET and DELETE /api/tokens), which
 * main does not serve yet: the stub checks what the client sends.
 */
@Timeout(30)
class TokenCommandsTest {

  private static final String ADMIN_TOKEN = "rmd_admin_5f2c9a71e0";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StubRemedia stub = new StubRemedia();
  private final Map<String, String> environment = Map.of("REMEDIA_URL", stub.url(), "REMEDIA_TOKEN", ADMIN_TOKEN);

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void createSendsNameRoleAndPersonAndPrintsTheNewTokenAloneOnStdout() throws Exception {
    stub.answer("POST", "/api/tokens", 201, """
        {"id": "tok-1", "name": "ci-deploys", "role": "operator", "person": "alice",
         "createdAt": "2024-07-03T14:02:11Z", "token": "rmd_new_c0ffee"}""");

    CliRun.Result result = CliRun.run(environment, "tokens", "create", "ci-deploys", "--role", "operator", "--person", "alice");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals("rmd_new_c0ffee\n", result.out());
    assertTrue(result.err().contains("Created token tok-1 'ci-deploys' with role operator for alice"), result.toString());
    StubRemedia.Request request = stub.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("Bearer " + ADMIN_TOKEN, request.authorization());
    assertEquals("application/json", request.contentType());
    assertEquals(JSON.readTree("{\"name\": \"ci-deploys\", \"role\": \"operator\", \"person\": \"alice\"}"), JSON.readTree(request.body()));
    assertFalse((result.out() + result.err()).contains(ADMIN_TOKEN), "the caller's own token is never printed");
  }

  @Test
  void createWithoutAPersonLeavesItOutAndWithoutARoleIsAUsageErrorThatSendsNothing() throws Exception {
    stub.answer("POST", "/api/tokens", 201, """
        {"id": "tok-2", "name": "grafana", "role": "viewer", "person": null, "createdAt": "2024-07-03T14:02:11Z", "token": "rmd_v"}""");

    assertEquals(ExitCodes.OK, CliRun.run(environment, "tokens", "create", "grafana", "--role", "viewer").exitCode());
    assertEquals(JSON.readTree("{\"name\": \"grafana\", \"role\": \"viewer\"}"), JSON.readTree(stub.requests().get(0).body()));

    CliRun.Result noRole = CliRun.run(environment, "tokens", "create", "grafana");
    assertEquals(ExitCodes.USAGE, noRole.exitCode(), noRole.toString());
    assertTrue(noRole.err().contains("Missing required option: '--role=ROLE'"), noRole.toString());
    assertEquals(1, stub.requests().size());
  }

  @Test
  void createWithJsonPrintsTheWholeAnswer() throws Exception {
    String created = "{\"id\":\"tok-3\",\"name\":\"n\",\"role\":\"admin\",\"person\":null,\"createdAt\":\"2024-07-03T14:02:11Z\",\"token\":\"rmd_j\"}";
    stub.answer("POST", "/api/tokens", 201, created);

    CliRun.Result result = CliRun.run(environment, "tokens", "create", "n", "--role", "admin", "--json");

    assertEquals(JSON.readTree(created), JSON.readTree(result.out()));
  }

  @Test
  void listShowsEachTokenFromAListingOrABareArray() {
    String token = "{\"id\": \"tok-1\", \"name\": \"ci-deploys\", \"role\": \"operator\", \"person\": \"alice\", \"createdAt\": \"2024-07-03T14:02:11Z\"}";
    stub.answer("GET", "/api/tokens", 200, "{\"items\": [" + token + "], \"next\": null}");
    stub.answer("GET", "/api/tokens", 200, "[" + token + "]");

    for (int i = 0; i < 2; i++) {
      CliRun.Result result = CliRun.run(environment, "tokens", "list");
      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      List<String> lines = result.outLines();
      assertEquals(List.of("ID", "NAME", "ROLE", "PERSON", "CREATED"), List.of(lines.get(0).split("\\s+")));
      assertTrue(lines.get(1).matches("tok-1\\s+ci-deploys\\s+operator\\s+alice\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), lines.get(1));
    }
    assertEquals("GET", stub.requests().get(1).method());
    assertEquals("Bearer " + ADMIN_TOKEN, stub.requests().get(1).authorization());
  }

  @Test
  void anEmptyListSaysSo() {
    stub.answer("GET", "/api/tokens", 200, "{\"items\": [], \"next\": null}");

    assertEquals("No tokens.\n", CliRun.run(environment, "tokens", "list").out());
  }

  @Test
  void revokeDeletesTheTokenAndAnUnknownIdIsRefusedWithTheServersReason() {
    stub.answer("DELETE", "/api/tokens/tok-1", 204, "");
    stub.answer("DELETE", "/api/tokens/tok-9", 404, StubRemedia.problem(404, "Not Found", "no token with id 'tok-9'"));

    CliRun.Result revoked = CliRun.run(environment, "tokens", "revoke", "tok-1");
    CliRun.Result unknown = CliRun.run(environment, "tokens", "revoke", "tok-9");

    assertEquals(ExitCodes.OK, revoked.exitCode(), revoked.toString());
    assertEquals("Token tok-1 revoked.\n", revoked.out());
    StubRemedia.Request request = stub.requests().get(0);
    assertEquals("DELETE", request.method());
    assertEquals("Bearer " + ADMIN_TOKEN, request.authorization());
    assertNull(request.contentType());
    assertEquals(ExitCodes.REFUSED, unknown.exitCode(), unknown.toString());
    assertEquals("remedia: HTTP 404 Not Found: no token with id 'tok-9'\n", unknown.err());
    assertEquals("", unknown.out());
  }
}
