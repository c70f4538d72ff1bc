package dev.remedia.cli.approvals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.Table;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A vote on an approval gate: {@code POST /api/approvals/{id}/decision}. */
abstract class VoteCommand extends ApiCommand {

  @Parameters(paramLabel = "APPROVAL_ID", description = "the approval gate's id")
  private String approvalId;

  @Option(names = "--by", paramLabel = "PERSON", description = "who decides, as named in the on-call configuration")
  private String by;

  /** approve or reject. */
  abstract String decision();

  /** Why, or null when the vote gives no reason. */
  abstract String reason();

  @Override
  protected int run(ApiClient api) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("decision", decision());
    if (by != null) {
      body.put("by", by);
    }
    if (reason() != null) {
      body.put("reason", reason());
    }
    return show(api.post(ApiPath.api("approvals", approvalId, "decision"), body), counted -> out().println(
        Table.text(counted.path("message")) + " The gate is " + Table.text(counted.path("status")) + "."));
  }
}
