package dev.remedia.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.Listing;
import dev.remedia.cli.PageOptions;
import dev.remedia.cli.Table;
import dev.remedia.cli.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "runs", description = "List runs, newest first.")
public final class RunsCommand extends ApiCommand {

  @Option(names = "--status", paramLabel = "STATUS", description = "RUNNING, SUCCEEDED, FAILED or CANCELLED")
  private String status;

  @Option(names = "--runbook", paramLabel = "RUNBOOK", description = "only runs of this runbook")
  private String runbook;

  @Mixin private PageOptions page;

  @Override
  protected int run(ApiClient api) {
    ApiPath path =
        page.applyTo(
            ApiPath.api("runs")
                .query("status", status)
                .query("runbook", runbook));
    return show(api.get(path), answer -> {
      Listing listing = Listing.of(answer);
      Table table = new Table("ID", "RUNBOOK", "STATUS", "STARTED", "ENDED", "FAILURE");
      for (JsonNode run : listing.items()) {
        table.row(
            run.path("id"),
            run.path("runbook"),
            run.path("status"),
            Times.dateTime(run.path("createdAt")),
            Times.dateTime(run.path("endedAt")),
            run.path("failure"));
      }
      listing.print(out(), table, "No runs.");
    });
  }
}
