package dev.remedia.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "trigger",
    description = {
      "Start a run of a runbook and print its id.",
      "Give the input as --input, --input-file or KEY=VALUE words. A value that is JSON (2, true) is sent as JSON,"
          + " anything else as text: url=https://example.net/health maxAttempts=2"
    })
public final class TriggerCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "RUNBOOK", description = "the runbook's name, e.g. http-check")
  private String runbook;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "input fields")
  private List<String> fields = new ArrayList<>();

  @Option(names = "--input", paramLabel = "JSON", description = "the input as a JSON object")
  private String input;

  @Option(names = "--input-file", paramLabel = "FILE", description = "a file holding the input as a JSON object")
  private Path inputFile;

  @Option(names = "--follow", description = "then follow the run until it ends, as the follow command does")
  private boolean follow;

  @Mixin private PollInterval interval;

  @Override
  protected int run(ApiClient api) {
    JsonNode body = RunInput.of(input, inputFile, fields);
    JsonNode accepted = api.post(ApiPath.api("runbooks", runbook, "runs"), body);
    String runId = AcceptedRun.idOf(accepted);
    out().println(jsonOutput() ? accepted.toString() : runId);
    if (!follow) {
      return ExitCodes.OK;
    }
    return new RunFollower(api, out(), err(), jsonOutput(), interval.duration()).follow(runId);
  }
}
