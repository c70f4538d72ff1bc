package dev.remedia.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.cli.CliRun;
import dev.remedia.cli.ExitCodes;
import dev.remedia.cli.StubRemedia;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code remedia cancel} and {@code retry} against a stub of {@code POST /api/runs/{id}/cancel} and
 * {@code /retry}, which main does not serve yet, and {@code follow} through a Remedia that is briefly
 * unavailable, which the real application cannot be made to do on cue.
 */
@Timeout(30)
class RunControlCommandsTest {

  private static final String TOKEN = "rmd_operator_41d0";
  private static final String RUN = "0f4c2a7e-9b1d-4c55-8e0a-3d2f1b6c7a90";

  private final StubRemedia stub = new StubRemedia();
  private final Map<String, String> environment = Map.of("REMEDIA_URL", stub.url(), "REMEDIA_TOKEN", TOKEN);

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void cancelPostsToTheRunsCancelRoute() {
    stub.answer("POST", "/api/runs/" + RUN + "/cancel", 202, "");

    CliRun.Result result = CliRun.run(environment, "cancel", RUN);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals("Cancellation of run " + RUN + " requested.\n", result.out());
    StubRemedia.Request request = stub.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("Bearer " + TOKEN, request.authorization());
    assertEquals("", request.body());
  }

  @Test
  void cancellingAnEndedRunIsRefusedWithTheServersReason() {
    stub.answer("POST", "/api/runs/" + RUN + "/cancel", 409,
        StubRemedia.problem(409, "Conflict", "run " + RUN + " already ended: SUCCEEDED"));

    CliRun.Result result = CliRun.run(environment, "cancel", RUN);

    assertEquals(ExitCodes.REFUSED, result.exitCode(), result.toString());
    assertEquals("remedia: HTTP 409 Conflict: run " + RUN + " already ended: SUCCEEDED\n", result.err());
  }

  @Test
  void retryPrintsTheNewRunsIdWhicheverFieldCarriesIt() {
    stub.answer("POST", "/api/runs/" + RUN + "/retry", 202,
        "{\"id\": \"new-run-1\", \"runbook\": \"http-check\", \"status\": \"RUNNING\", \"location\": \"/api/runs/new-run-1\", \"replayed\": false}");
    stub.answer("POST", "/api/runs/" + RUN + "/retry", 202, "{\"runId\": \"new-run-2\"}");

    CliRun.Result first = CliRun.run(environment, "retry", RUN);
    CliRun.Result second = CliRun.run(environment, "retry", RUN);

    assertEquals("new-run-1\n", first.out(), first.toString());
    assertEquals("new-run-2\n", second.out(), second.toString());
    assertEquals("POST", stub.requests().get(0).method());
    assertEquals("Bearer " + TOKEN, stub.requests().get(0).authorization());
  }

  @Test
  void aRetryAnswerWithoutARunIdIsReportedAsAnUnexpectedAnswer() {
    stub.answer("POST", "/api/runs/" + RUN + "/retry", 202, "{\"status\": \"RUNNING\"}");

    CliRun.Result result = CliRun.run(environment, "retry", RUN);

    assertEquals(ExitCodes.UNAVAILABLE, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("remedia: unexpected answer from Remedia: no run id in"), result.toString());
  }

  @Test
  void followWaitsOutARemediaThatIsBrieflyUnavailableAndPrintsEachStepOnce() {
    String path = "/api/runs/" + RUN;
    stub.answer("GET", path, 503, StubRemedia.problem(503, "Service Unavailable", "PostgreSQL is unavailable"));
    stub.answer("GET", path, 200, run("RUNNING", step("RUNNING", null, null)));
    stub.answer("GET", path, 200, run("RUNNING", step("RUNNING", null, null)));
    stub.answer("GET", path, 200, run("SUCCEEDED", step("SUCCEEDED", "\"2024-07-03T14:02:12Z\"", "\"HTTP 200 in 12 ms\"")));

    CliRun.Result result = CliRun.run(environment, "follow", RUN, "--interval", "0.2");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.err().contains("remedia: HTTP 503 Service Unavailable: PostgreSQL is unavailable; trying again"), result.toString());
    assertEquals(3, result.outLines().size(), "the unchanged step is not printed twice: " + result);
    assertTrue(result.outLines().get(0).matches("\\d\\d:\\d\\d:\\d\\d  RUNNING    probe"), result.toString());
    assertTrue(result.outLines().get(1).matches("\\d\\d:\\d\\d:\\d\\d  SUCCEEDED  probe: HTTP 200 in 12 ms"), result.toString());
    assertEquals("Run " + RUN + " SUCCEEDED", result.outLines().get(2));
  }

  @Test
  void followStopsAtOnceWhenTheRunIsUnknown() {
    stub.answer("GET", "/api/runs/" + RUN, 404, StubRemedia.problem(404, "Not Found", "no run with id '" + RUN + "'"));

    CliRun.Result result = CliRun.run(environment, "follow", RUN);

    assertEquals(ExitCodes.REFUSED, result.exitCode(), result.toString());
    assertEquals(1, stub.requests().size());
  }

  private static String run(String status, String step) {
    return """
        {"id": "%s", "runbook": "http-check", "status": "%s", "input": {}, "result": null, "failure": null,
         "createdAt": "2024-07-03T14:02:11Z", "endedAt": null, "steps": [%s]}"""
        .formatted(RUN, status, step);
  }

  private static String step(String state, String endedAt, String detail) {
    return """
        {"seq": 1, "name": "probe", "state": "%s", "startedAt": "2024-07-03T14:02:11Z", "endedAt": %s, "detail": %s}"""
        .formatted(state, endedAt, detail);
  }
}
