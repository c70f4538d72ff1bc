package dev.remedia.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "retry", description = "Retry a run: Remedia starts a new run of it. Prints the new run's id.")
public final class RetryCommand extends ApiCommand {

  @Parameters(paramLabel = "RUN_ID", description = "the id of the run to retry")
  private String runId;

  @Override
  protected int run(ApiClient api) {
    JsonNode accepted = api.post(ApiPath.api("runs", runId, "retry"), null);
    String newRunId = AcceptedRun.idOf(accepted);
    return show(accepted, answer -> out().println(newRunId));
  }
}
