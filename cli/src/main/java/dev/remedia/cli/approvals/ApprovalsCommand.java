package dev.remedia.cli.approvals;

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

@Command(name = "approvals", description = "List approval gates, newest first.")
public final class ApprovalsCommand extends ApiCommand {

  @Option(names = "--status", paramLabel = "STATUS", description = "PENDING, APPROVED, REJECTED, EXPIRED or CANCELLED")
  private String status;

  @Mixin private PageOptions page;

  @Override
  protected int run(ApiClient api) {
    ApiPath path =
        page.applyTo(
            ApiPath.api("approvals").query("status", status));
    return show(api.get(path), answer -> {
      Listing listing = Listing.of(answer);
      Table table = new Table("ID", "STATUS", "VOTES", "APPROVERS", "REQUESTER", "DEADLINE", "RUN", "TITLE");
      for (JsonNode gate : listing.items()) {
        table.row(
            gate.path("id"),
            gate.path("status"),
            approvals(gate) + "/" + gate.path("required").asInt(),
            gate.path("approverGroup"),
            gate.path("requester"),
            Times.dateTime(gate.path("deadlineAt")),
            gate.path("runId"),
            gate.path("title"));
      }
      listing.print(out(), table, "No approvals.");
    });
  }

  private static int approvals(JsonNode gate) {
    int count = 0;
    for (JsonNode vote : gate.path("votes")) {
      if ("APPROVE".equals(vote.path("vote").asText())) {
        count++;
      }
    }
    return count;
  }
}
