package dev.remedia.cli.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.Listing;
import dev.remedia.cli.Table;
import dev.remedia.cli.Times;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List API tokens (never their secrets).")
public final class ListTokensCommand extends ApiCommand {

  @Override
  protected int run(ApiClient api) {
    return show(api.get(ApiPath.api("tokens")), answer -> {
      Listing listing = Listing.of(answer);
      Table table = new Table("ID", "NAME", "ROLE", "PERSON", "CREATED");
      for (JsonNode token : listing.items()) {
        table.row(token.path("id"), token.path("name"), token.path("role"), token.path("person"),
            Times.dateTime(token.path("createdAt")));
      }
      listing.print(out(), table, "No tokens.");
    });
  }
}
