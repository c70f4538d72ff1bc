package dev.remedia.cli.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.Table;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Acknowledges or resolves an incident by hand: {@code POST /api/incidents/{id}/ack} or {@code /resolve}. */
abstract class SettleCommand extends ApiCommand {

  @Parameters(paramLabel = "INCIDENT_ID", description = "the incident's id")
  private String incidentId;

  @Option(names = "--by", paramLabel = "PERSON", description = "who does it, as named in the on-call configuration")
  private String by;

  /** The last segment of the route: ack or resolve. */
  abstract String action();

  /** The past participle for the confirmation: acknowledged, resolved. */
  abstract String done();

  @Override
  protected int run(ApiClient api) {
    JsonNode body = by == null ? null : JsonNodeFactory.instance.objectNode().put("by", by);
    JsonNode answer = api.post(ApiPath.api("incidents", incidentId, action()), body);
    return show(answer, accepted -> out().println(
        "Incident " + incidentId + " " + done() + " by " + Table.text(accepted.path("by"))
            + " via " + Table.text(accepted.path("via")) + "; paging stops."));
  }
}
