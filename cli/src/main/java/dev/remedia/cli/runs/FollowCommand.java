package dev.remedia.cli.runs;

import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "follow",
    description = {
      "Print a run's steps as they happen until it ends.",
      "Exits 0 when the run succeeded, 1 when it failed or was cancelled."
    })
public final class FollowCommand extends ApiCommand {

  @Parameters(paramLabel = "RUN_ID", description = "the run's id")
  private String runId;

  @Mixin private PollInterval interval;

  @Override
  protected int run(ApiClient api) {
    return new RunFollower(api, out(), err(), jsonOutput(), interval.duration()).follow(runId);
  }
}
