package dev.remedia.cli.runs;

import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", description = "Ask a running run to stop; 'remedia follow' shows when it has.")
public final class CancelCommand extends ApiCommand {

  @Parameters(paramLabel = "RUN_ID", description = "the run's id")
  private String runId;

  @Override
  protected int run(ApiClient api) {
    return show(api.post(ApiPath.api("runs", runId, "cancel"), null),
        answer -> out().println("Cancellation of run " + runId + " requested."));
  }
}
