package dev.remedia.cli.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.Fields;
import dev.remedia.cli.Table;
import dev.remedia.cli.Times;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "incident", description = "Show an incident: its state, who settled it, its runs, pages and history.")
public final class IncidentCommand extends ApiCommand {

  @Parameters(paramLabel = "ID", description = "the incident's id")
  private String id;

  @Override
  protected int run(ApiClient api) {
    return show(api.get(ApiPath.api("incidents", id)), this::print);
  }

  private void print(JsonNode incident) {
    PrintWriter out = out();
    new Fields()
        .add("Incident", incident.path("id"))
        .add("Status", incident.path("status"))
        .add("Severity", incident.path("severity"))
        .add("Summary", incident.path("summary"))
        .add("Source", Table.text(incident.path("source")) + " (dedupe key " + Table.text(incident.path("dedupeKey")) + ")")
        .add("Route", incident.path("route"))
        .add("Runbook", incident.path("runbook"))
        .add("Escalation", incident.path("escalationPolicy"))
        .add("Alerts", incident.path("alertCount").asLong() + " (" + incident.path("duplicateCount").asLong()
            + " duplicate, " + incident.path("firingCount").asInt() + " firing)")
        .add("Opened", Times.dateTime(incident.path("openedAt")))
        .add("Acknowledged", settled(incident, "acknowledged"))
        .add("Resolved", settled(incident, "resolved"))
        .add("Closed", Times.dateTime(incident.path("closedAt")))
        .add("Link", incident.path("link"))
        .print(out);

    JsonNode runs = incident.path("runs");
    if (!runs.isEmpty()) {
      Table table = new Table("RUN", "RUNBOOK", "STATUS", "STARTED", "FAILURE");
      runs.forEach(run -> table.row(run.path("id"), run.path("runbook"), run.path("status"),
          Times.dateTime(run.path("createdAt")), run.path("failure")));
      section(out, "Runs", table);
    }
    JsonNode pages = incident.path("pages");
    if (!pages.isEmpty()) {
      Table table = new Table("SENT", "PERSON", "CHANNEL", "ADDRESS", "STATUS", "DETAIL");
      pages.forEach(page -> table.row(Times.dateTime(page.path("createdAt")), page.path("person"),
          page.path("channel"), page.path("address"), page.path("status"), page.path("detail")));
      section(out, "Pages", table);
    }
    JsonNode events = incident.path("events");
    if (!events.isEmpty()) {
      Table table = new Table("AT", "EVENT", "DETAIL");
      events.forEach(event -> table.row(Times.dateTime(event.path("at")), event.path("kind"), event.path("detail")));
      section(out, "History", table);
    }
  }

  /** "2024-07-03 14:02:11 by alice via slack", or "-" while it has not happened. */
  private static String settled(JsonNode incident, String what) {
    JsonNode at = incident.path(what + "At");
    if (!at.isTextual()) {
      return "-";
    }
    return Times.dateTime(at) + " by " + Table.text(incident.path(what + "By"))
        + " via " + Table.text(incident.path(what + "Via"));
  }

  private static void section(PrintWriter out, String title, Table table) {
    out.println();
    out.println(title + ":");
    table.print(out);
  }
}
