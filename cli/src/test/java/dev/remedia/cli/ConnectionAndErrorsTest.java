package dev.remedia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where the client connects, what it sends, and how each kind of failure reaches the terminal: a line on
 * stderr and an exit status per kind, never the token.
 */
@Timeout(30)
class ConnectionAndErrorsTest {

  private static final String TOKEN = "rmd_secret_9d3e17b2";
  private static final String EMPTY_LISTING = "{\"items\": [], \"next\": null}";

  private final StubRemedia stub = new StubRemedia();

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void theEnvironmentSaysWhereAndWhoAndFlagsOverrideIt() {
    stub.answer("GET", "/api/runs", 200, EMPTY_LISTING);

    CliRun.Result fromEnvironment = CliRun.run(Map.of("REMEDIA_URL", stub.url() + "/", "REMEDIA_TOKEN", TOKEN), "runs");
    CliRun.Result fromFlags = CliRun.run(
        Map.of("REMEDIA_URL", "http://127.0.0.1:" + freePort(), "REMEDIA_TOKEN", TOKEN),
        "--url", stub.url(), "runs", "--token", "rmd_other");
    CliRun.Result withoutToken = CliRun.run(Map.of("REMEDIA_URL", stub.url()), "runs");

    assertEquals("No runs.\n", fromEnvironment.out(), fromEnvironment.toString());
    assertEquals("Bearer " + TOKEN, stub.requests().get(0).authorization());
    assertEquals("/api/runs", stub.requests().get(0).path(), "a trailing slash on the URL is dropped");
    assertEquals(ExitCodes.OK, fromFlags.exitCode(), fromFlags.toString());
    assertEquals("Bearer rmd_other", stub.requests().get(1).authorization());
    assertEquals(ExitCodes.OK, withoutToken.exitCode());
    assertNull(stub.requests().get(2).authorization());
  }

  @Test
  void optionsBecomeEncodedQueryParametersAndAbsentOnesAreLeftOut() {
    stub.answer("GET", "/api/incidents?status=open&source=events&limit=5", 200, EMPTY_LISTING);

    CliRun.Result result = CliRun.run(
        Map.of("REMEDIA_URL", stub.url()), "incidents", "--status", "open", "--source", "events", "--limit", "5");

    assertEquals("No incidents.\n", result.out(), result.toString());
  }

  @Test
  void anIdCannotLeadToAnotherRoute() {
    Map<String, String> environment = Map.of("REMEDIA_URL", stub.url());

    CliRun.run(environment, "run", "../tokens");
    CliRun.run(environment, "run", "..");
    CliRun.run(environment, "run", "a b?c");
    CliRun.Result blank = CliRun.run(environment, "run", " ");

    assertEquals("/api/runs/..%2Ftokens", stub.requests().get(0).path());
    assertEquals("/api/runs/%2E%2E", stub.requests().get(1).path());
    assertEquals("/api/runs/a%20b%3Fc", stub.requests().get(2).path());
    assertEquals(ExitCodes.USAGE, blank.exitCode(), blank.toString());
    assertEquals("remedia run: an id must not be blank\nTry 'remedia run --help'.\n", blank.err());
    assertEquals(3, stub.requests().size());
  }

  @Test
  void aRefusalShowsTheProblemsDetailAndExitsThree() {
    stub.answer("GET", "/api/incidents?status=MAYBE", 400, StubRemedia.problem(400, "Bad Request",
        "status must be one of OPEN, ACKNOWLEDGED, RESOLVED, CLOSED"));

    CliRun.Result result = CliRun.run(Map.of("REMEDIA_URL", stub.url(), "REMEDIA_TOKEN", TOKEN), "incidents", "--status", "MAYBE");

    assertEquals(ExitCodes.REFUSED, result.exitCode());
    assertEquals("remedia: HTTP 400 Bad Request: status must be one of OPEN, ACKNOWLEDGED, RESOLVED, CLOSED\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void aMissingTokenIsNamedWhenRemediaAsksForOne() {
    stub.answer("GET", "/api/runs", 401, StubRemedia.problem(401, "Unauthorized", "a bearer token is required"));

    CliRun.Result withoutToken = CliRun.run(Map.of("REMEDIA_URL", stub.url()), "runs");
    CliRun.Result withToken = CliRun.run(Map.of("REMEDIA_URL", stub.url(), "REMEDIA_TOKEN", TOKEN), "runs");

    assertEquals(ExitCodes.REFUSED, withoutToken.exitCode());
    assertEquals("remedia: HTTP 401 Unauthorized: a bearer token is required; set REMEDIA_TOKEN or pass --token\n",
        withoutToken.err());
    assertEquals("remedia: HTTP 401 Unauthorized: a bearer token is required\n", withToken.err());
  }

  @Test
  void aServerErrorOrAnAnswerFromSomethingElseExitsFourWithoutShowingTheToken() {
    stub.answer("GET", "/api/runs", 503, StubRemedia.problem(503, "Service Unavailable", "Temporal is unavailable"));
    stub.answer("GET", "/api/approvals", 502, "<html>\n<body>Bad gateway</body>\n</html>");
    stub.answer("GET", "/api/incidents", 200, "<html>welcome to nginx</html>");
    Map<String, String> environment = Map.of("REMEDIA_URL", stub.url(), "REMEDIA_TOKEN", TOKEN);

    CliRun.Result unavailable = CliRun.run(environment, "runs");
    CliRun.Result proxy = CliRun.run(environment, "approvals");
    CliRun.Result notRemedia = CliRun.run(environment, "incidents");

    assertEquals(ExitCodes.UNAVAILABLE, unavailable.exitCode());
    assertEquals("remedia: HTTP 503 Service Unavailable: Temporal is unavailable\n", unavailable.err());
    assertEquals(ExitCodes.UNAVAILABLE, proxy.exitCode());
    assertEquals("remedia: HTTP 502: <html> <body>Bad gateway</body> </html>\n", proxy.err());
    assertEquals(ExitCodes.UNAVAILABLE, notRemedia.exitCode());
    assertEquals("remedia: the answer from " + stub.url() + " is not Remedia's API: HTTP 200 with a body that is not JSON\n",
        notRemedia.err());
    for (CliRun.Result result : new CliRun.Result[] {unavailable, proxy, notRemedia}) {
      assertFalse((result.out() + result.err()).contains(TOKEN), result.toString());
    }
  }

  @Test
  void anUnreachableRemediaExitsFourAndSaysWhereItLooked() {
    String url = "http://127.0.0.1:" + freePort();

    CliRun.Result result = CliRun.run(Map.of("REMEDIA_URL", url, "REMEDIA_TOKEN", TOKEN), "incidents");

    assertEquals(ExitCodes.UNAVAILABLE, result.exitCode());
    assertEquals("remedia: cannot reach Remedia at " + url
        + " (connection refused); is it running? Set REMEDIA_URL or --url\n", result.err());
  }

  @Test
  void commandLineMistakesExitTwoAndSendNothing() {
    Map<String, String> environment = Map.of("REMEDIA_URL", stub.url());

    CliRun.Result noCommand = CliRun.run(environment);
    CliRun.Result unknownCommand = CliRun.run(environment, "incidnets");
    CliRun.Result unknownOption = CliRun.run(environment, "runs", "--sttaus", "FAILED");
    CliRun.Result badUrl = CliRun.run(Map.of("REMEDIA_URL", "localhost:8080"), "runs");
    CliRun.Result rejectWithoutReason = CliRun.run(environment, "reject", "gate-1", "--by", "bob");
    CliRun.Result hammering = CliRun.run(environment, "follow", "run-1", "--interval", "0.01");
    CliRun.Result badInput = CliRun.run(environment, "trigger", "http-check", "--input", "{url: x}");

    assertEquals(ExitCodes.USAGE, noCommand.exitCode());
    assertTrue(noCommand.err().contains("Missing required subcommand"), noCommand.toString());
    assertEquals(ExitCodes.USAGE, unknownCommand.exitCode());
    assertTrue(unknownCommand.err().contains("Unmatched argument at index 0: 'incidnets'"), unknownCommand.toString());
    assertEquals(ExitCodes.USAGE, unknownOption.exitCode());
    assertEquals(ExitCodes.USAGE, badUrl.exitCode());
    assertTrue(badUrl.err().contains("must be http:// or https:// and a host"), badUrl.toString());
    assertEquals(ExitCodes.USAGE, rejectWithoutReason.exitCode());
    assertTrue(rejectWithoutReason.err().contains("Missing required option: '--reason=REASON'"), rejectWithoutReason.toString());
    assertEquals(ExitCodes.USAGE, hammering.exitCode());
    assertTrue(hammering.err().startsWith("remedia follow: --interval must be between 0.2 and 30 seconds"), hammering.toString());
    assertEquals(ExitCodes.USAGE, badInput.exitCode());
    assertTrue(badInput.err().startsWith("remedia trigger: --input is not JSON: "), badInput.toString());
    assertEquals(0, stub.requests().size());
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    CliRun.Result help = CliRun.run(Map.of(), "help");

    assertEquals(ExitCodes.OK, help.exitCode());
    for (String command : new String[] {"incidents", "incident", "ack", "resolve", "runs", "run", "follow", "trigger",
        "cancel", "retry", "approvals", "approve", "reject", "tokens"}) {
      assertTrue(help.out().contains("\n  " + command + " "), command + " in " + help.out());
    }
    assertTrue(help.out().contains("REMEDIA_TOKEN"), help.out());
    assertTrue(help.out().contains("3 refused by Remedia (HTTP 4xx)"), help.out());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
