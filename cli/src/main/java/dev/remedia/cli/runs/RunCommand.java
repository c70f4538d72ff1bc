package dev.remedia.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.Fields;
import dev.remedia.cli.Table;
import dev.remedia.cli.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Show a run: its input, outcome and step timeline.")
public final class RunCommand extends ApiCommand {

  @Parameters(paramLabel = "ID", description = "the run's id")
  private String id;

  @Override
  protected int run(ApiClient api) {
    return show(api.get(ApiPath.api("runs", id)), this::print);
  }

  private void print(JsonNode run) {
    new Fields()
        .add("Run", run.path("id"))
        .add("Runbook", run.path("runbook"))
        .add("Status", run.path("status"))
        .add("Started", Times.dateTime(run.path("createdAt")))
        .add("Ended", Times.dateTime(run.path("endedAt")))
        .add("Input", run.path("input"))
        .add("Result", run.path("result"))
        .add("Failure", run.path("failure"))
        .print(out());
    out().println();
    JsonNode steps = run.path("steps");
    if (steps.isEmpty()) {
      out().println("No steps yet.");
      return;
    }
    Table table = new Table("#", "STEP", "STATE", "STARTED", "ENDED", "DETAIL");
    steps.forEach(step -> table.row(step.path("seq"), step.path("name"), step.path("state"),
        Times.dateTime(step.path("startedAt")), Times.dateTime(step.path("endedAt")), step.path("detail")));
    table.print(out());
  }
}
