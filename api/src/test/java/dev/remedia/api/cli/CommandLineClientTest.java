package dev.remedia.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.api.TargetServer;
import dev.remedia.cli.CliRun;
import dev.remedia.cli.ExitCodes;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code remedia} command-line client against the real application over HTTP: what a person at a
 * terminal sees for incidents, runs followed live, approvals, and Remedia's refusals.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CommandLineClientTest extends ApiTestSupport {

  private static final String CONFIG =
      """
      people:
        - { name: alice, slack: U0ALICE01 }
        - { name: bob, slack: U0BOB0001 }
        - { name: carol, slack: U0CAROL01 }
      approver-groups:
        - name: release-leads
          members: [ { person: alice }, { person: bob }, { person: carol } ]
      """;

  private TargetServer target;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @BeforeAll
  void startTarget() throws IOException {
    target = TargetServer.answering();
  }

  @AfterAll
  void stopTarget() {
    target.close();
  }

  @Test
  void tokensAreCreatedShownOnceUsedWithTheirRoleAndRevoked() {
    String name = "cli-viewer-" + UUID.randomUUID().toString().substring(0, 8);

    CliRun.Result created = remedia("tokens", "create", name, "--role", "viewer");
    assertEquals(ExitCodes.OK, created.exitCode(), created.toString());
    String token = created.out().strip();
    assertTrue(token.startsWith("rmd_"), created.toString());
    CliRun.Result read = CliRun.run(Map.of("REMEDIA_URL", baseUri().toString(), "REMEDIA_TOKEN", token), "runs");
    CliRun.Result written =
        CliRun.run(Map.of("REMEDIA_URL", baseUri().toString(), "REMEDIA_TOKEN", token), "trigger", "http-check", "url=" + target.url());
    assertEquals(ExitCodes.OK, read.exitCode(), read.toString());
    assertEquals(ExitCodes.REFUSED, written.exitCode(), written.toString());
    assertTrue(written.err().contains("needs the operator role"), written.toString());

    String id = null;
    for (JsonNode listed : json(remedia("tokens", "list", "--json")).get("items")) {
      assertTrue(listed.path("token").isMissingNode(), "a listing showed a token's value: " + listed);
      if (listed.get("name").asText().equals(name)) {
        id = listed.get("id").asText();
      }
    }
    assertTrue(id != null, name + " is not listed");
    assertEquals(ExitCodes.OK, remedia("tokens", "revoke", id).exitCode());
    CliRun.Result revoked = CliRun.run(Map.of("REMEDIA_URL", baseUri().toString(), "REMEDIA_TOKEN", token), "runs");
    assertEquals(ExitCodes.REFUSED, revoked.exitCode(), revoked.toString());
    assertTrue(!revoked.err().contains(token), "the revoked token was printed: " + revoked);
  }

  @Test
  void incidentsListsAnIncidentOpenedByAWebhookAndIncidentShowsIt() {
    String summary = "Disk /srv on nas-1 is 97% full " + UUID.randomUUID();
    String id = openIncident(summary);

    CliRun.Result listed = remedia("incidents", "--status", "OPEN", "--source", "events", "--limit", "200");
    CliRun.Result shown = remedia("incident", id);

    assertEquals(ExitCodes.OK, listed.exitCode(), listed.toString());
    assertEquals(List.of("ID", "STATUS", "SEVERITY", "OPENED", "ALERTS", "SOURCE", "SUMMARY"),
        List.of(listed.outLines().get(0).split("\\s+")));
    String row = listed.outLines().stream().filter(line -> line.startsWith(id)).findFirst()
        .orElseThrow(() -> new AssertionError("incident " + id + " is not listed: " + listed));
    assertTrue(row.matches(id + "\\s+OPEN\\s+CRITICAL\\s+\\S+ \\S+\\s+1\\s+events\\s+" + Pattern.quote(summary)), row);
    assertEquals(ExitCodes.OK, shown.exitCode(), shown.toString());
    assertTrue(shown.out().contains("Status:        OPEN\n"), shown.out());
    assertTrue(shown.out().contains("Summary:       " + summary + "\n"), shown.out());
    assertTrue(shown.out().contains("History:\n"), shown.out());
  }

  @Test
  void ackAcknowledgesAndASecondAckIsRefusedWithWhoGotThereFirst() {
    String id = openIncident("Backup of pg-main failed " + UUID.randomUUID());

    CliRun.Result ack = remedia("ack", id, "--by", "alice");

    assertEquals(ExitCodes.OK, ack.exitCode(), ack.toString());
    assertEquals("Incident " + id + " acknowledged by alice via api; paging stops.\n", ack.out());
    String shown = eventually(() -> {
      String out = remedia("incident", id).out();
      return out.contains("Status:        ACKNOWLEDGED") ? out : null;
    });
    assertTrue(shown.contains("by alice via api"), shown);

    CliRun.Result again = remedia("ack", id, "--by", "bob");
    assertEquals(ExitCodes.REFUSED, again.exitCode(), again.toString());
    assertTrue(again.err().startsWith("remedia: HTTP 409 Conflict: "), again.err());
    assertTrue(again.err().contains("already acknowledged by alice via api"), again.err());
  }

  @Test
  void resolveResolvesAnIncidentByHand() {
    String id = openIncident("Certificate of shop.example.net expires in 3 days " + UUID.randomUUID());

    CliRun.Result resolve = remedia("resolve", id, "--by", "bob");

    assertEquals(ExitCodes.OK, resolve.exitCode(), resolve.toString());
    JsonNode incident = eventually(() -> {
      JsonNode json = json(remedia("incident", id, "--json"));
      return "RESOLVED".equals(json.path("status").asText()) ? json : null;
    });
    assertEquals("bob", incident.get("resolvedBy").asText());
  }

  @Test
  void triggerFollowsAnHttpCheckToSuccessAndTheRunIsListedAndShown() {
    String url = target.base() + "/health";

    CliRun.Result followed = remedia("trigger", "http-check", "url=" + url, "maxAttempts=2", "--follow", "--interval", "0.2");

    assertEquals(ExitCodes.OK, followed.exitCode(), followed.toString());
    List<String> lines = followed.outLines();
    String runId = lines.get(0);
    assertTrue(followed.err().contains("Following run " + runId), followed.toString());
    assertTrue(lines.stream().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d  SUCCEEDED  probe: HTTP 200 in \\d+ ms")),
        followed.toString());
    assertTrue(lines.stream().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d  SKIPPED    certificate.*")),
        followed.toString());
    assertEquals("Run " + runId + " SUCCEEDED", lines.get(lines.size() - 1));
    assertEquals(lines.size(), lines.stream().distinct().count(), "each step state is printed once: " + followed);

    CliRun.Result runs = remedia("runs", "--runbook", "http-check", "--status", "SUCCEEDED", "--limit", "200");
    assertTrue(runs.out().lines().anyMatch(line -> line.matches(runId + "\\s+http-check\\s+SUCCEEDED\\s.*")), runs.toString());
    CliRun.Result run = remedia("run", runId);
    assertTrue(run.out().contains("Status:   SUCCEEDED\n"), run.out());
    assertTrue(run.out().contains("\"maxAttempts\":2"), "maxAttempts=2 was sent as a number: " + run.out());
    assertTrue(run.out().lines().anyMatch(line -> line.matches("1\\s+probe\\s+SUCCEEDED\\s.*HTTP 200 in \\d+ ms")), run.out());
  }

  @Test
  void followExitsOneWhenTheRunFailsAndSaysWhy() {
    String url = "http://127.0.0.1:" + freePort() + "/";
    CliRun.Result triggered = remedia("trigger", "http-check", "--input", "{\"url\": \"" + url + "\", \"maxAttempts\": 1}");
    assertEquals(ExitCodes.OK, triggered.exitCode(), triggered.toString());
    String runId = triggered.out().strip();

    CliRun.Result followed = remedia("follow", runId, "--interval", "0.2");

    assertEquals(ExitCodes.RUN_DID_NOT_SUCCEED, followed.exitCode(), followed.toString());
    List<String> lines = followed.outLines();
    assertEquals("Run " + runId + " FAILED: " + url + ": cannot connect: connection refused (gave up after 1 attempts)",
        lines.get(lines.size() - 1));
    assertTrue(lines.stream().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d  FAILED     probe.*")), followed.toString());
  }

  @Test
  void approveCountsTheVoteAndTheRunGoesOnWhileTheGatesRefusalsAreShown() {
    String runId = startChange();
    String gate = eventually(() -> gateOf(runId));

    CliRun.Result pending = remedia("approvals", "--status", "pending", "--limit", "200");
    assertTrue(pending.out().lines().anyMatch(line -> line.matches(gate + "\\s+PENDING\\s+0/1\\s+release-leads\\s+carol\\s.*Deploy api 2\\.4")),
        pending.toString());

    CliRun.Result byRequester = remedia("approve", gate, "--by", "carol");
    assertEquals(ExitCodes.REFUSED, byRequester.exitCode(), byRequester.toString());
    assertTrue(byRequester.err().startsWith("remedia: HTTP 403 Forbidden: "), byRequester.err());
    assertTrue(byRequester.err().contains("someone else must decide"), byRequester.err());

    CliRun.Result approved = remedia("approve", gate, "--by", "alice", "--reason", "looks good");
    assertEquals(ExitCodes.OK, approved.exitCode(), approved.toString());
    assertTrue(approved.out().endsWith("The gate is APPROVED.\n"), approved.out());

    CliRun.Result followed = remedia("follow", runId, "--interval", "0.2");
    assertEquals(ExitCodes.OK, followed.exitCode(), followed.toString());
    assertTrue(followed.out().contains("approval: Deploy api 2.4: APPROVED by alice via api"), followed.out());
  }

  @Test
  void rejectFailsTheWaitingRunWithTheReason() {
    String runId = startChange();
    String gate = eventually(() -> gateOf(runId));

    CliRun.Result rejected = remedia("reject", gate, "--by", "bob", "--reason", "error budget spent");
    CliRun.Result followed = remedia("follow", runId, "--interval", "0.2");

    assertEquals(ExitCodes.OK, rejected.exitCode(), rejected.toString());
    assertTrue(rejected.out().endsWith("The gate is REJECTED.\n"), rejected.out());
    assertEquals(ExitCodes.RUN_DID_NOT_SUCCEED, followed.exitCode(), followed.toString());
    assertTrue(followed.out().endsWith("FAILED: not approved: REJECTED by bob via api: error budget spent\n"), followed.out());
  }

  @Test
  void refusalsShowTheProblemsDetailOnStderrAndExitThree() {
    CliRun.Result unknownRun = remedia("run", UUID.randomUUID().toString());
    CliRun.Result badInput = remedia("trigger", "http-check", "ur=http://x");
    CliRun.Result unknownRunbook = remedia("trigger", "no-such-runbook", "a=1");
    CliRun.Result badStatus = remedia("incidents", "--status", "MAYBE");

    for (CliRun.Result result : List.of(unknownRun, badInput, unknownRunbook, badStatus)) {
      assertEquals(ExitCodes.REFUSED, result.exitCode(), result.toString());
      assertEquals("", result.out(), result.toString());
    }
    assertTrue(unknownRun.err().startsWith("remedia: HTTP 404 Not Found: no run with id '"), unknownRun.err());
    assertTrue(badInput.err().startsWith("remedia: HTTP 400 Bad Request: unknown field 'ur' for runbook 'http-check'"), badInput.err());
    assertTrue(unknownRunbook.err().startsWith("remedia: HTTP 404 Not Found: "), unknownRunbook.err());
    assertTrue(badStatus.err().startsWith("remedia: HTTP 400 Bad Request: "), badStatus.err());
  }

  private CliRun.Result remedia(String... args) {
    return CliRun.run(Map.of("REMEDIA_URL", baseUri().toString(), "REMEDIA_TOKEN", ADMIN_TOKEN), args);
  }

  /** Posts a critical event as a monitor would and returns the incident's id, found through the client. */
  private String openIncident(String summary) {
    String key = "cli/" + UUID.randomUUID();
    HttpResponse<String> accepted = post("/webhooks/events", "application/json", """
        {"event_action": "trigger", "dedup_key": "%s",
         "payload": {"summary": "%s", "source": "nas-1", "severity": "critical"}}"""
        .formatted(key, summary));
    assertEquals(202, accepted.statusCode(), accepted.body());
    return eventually(() -> {
      for (JsonNode incident : json(remedia("incidents", "--source", "events", "--limit", "200", "--json")).get("items")) {
        if (key.equals(incident.get("dedupeKey").asText())) {
          return incident.get("id").asText();
        }
      }
      return null;
    });
  }

  private String startChange() {
    CliRun.Result started = remedia("trigger", "change-approval",
        "title=Deploy api 2.4", "action=Roll api 2.4 to every region", "reason=login fix",
        "approvers=release-leads", "required=1", "requestedBy=carol");
    assertEquals(ExitCodes.OK, started.exitCode(), started.toString());
    return started.out().strip();
  }

  private String gateOf(String runId) {
    for (JsonNode gate : json(remedia("approvals", "--status", "pending", "--limit", "200", "--json")).get("items")) {
      if (runId.equals(gate.path("runId").asText())) {
        return gate.get("id").asText();
      }
    }
    return null;
  }

  private static JsonNode json(CliRun.Result result) {
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    try {
      return JSON.readTree(result.out());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + result, e);
    }
  }
}
