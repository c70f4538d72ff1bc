package dev.remedia.cli.incidents;

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

@Command(name = "incidents", description = "List incidents, newest first.")
public final class IncidentsCommand extends ApiCommand {

  @Option(names = "--status", paramLabel = "STATUS", description = "OPEN, ACKNOWLEDGED, RESOLVED or CLOSED")
  private String status;

  @Option(names = "--source", paramLabel = "SOURCE", description = "alertmanager, grafana, datadog or events")
  private String source;

  @Option(names = "--severity", paramLabel = "SEVERITY", description = "CRITICAL, ERROR, WARNING or INFO")
  private String severity;

  @Mixin private PageOptions page;

  @Override
  protected int run(ApiClient api) {
    ApiPath path =
        page.applyTo(
            ApiPath.api("incidents")
                .query("status", status)
                .query("source", source)
                .query("severity", severity));
    return show(api.get(path), answer -> {
      Listing listing = Listing.of(answer);
      Table table = new Table("ID", "STATUS", "SEVERITY", "OPENED", "ALERTS", "SOURCE", "SUMMARY");
      for (JsonNode incident : listing.items()) {
        table.row(
            incident.path("id"),
            incident.path("status"),
            incident.path("severity"),
            Times.dateTime(incident.path("openedAt")),
            incident.path("alertCount"),
            incident.path("source"),
            incident.path("summary"));
      }
      listing.print(out(), table, "No incidents.");
    });
  }
}
