package dev.remedia.cli.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiFailure;
import dev.remedia.cli.ApiPath;
import dev.remedia.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "create",
    description = {
      "Create an API token and print it; it is shown only this once.",
      "The token alone goes to stdout, so TOKEN=$(remedia tokens create ...) works; what it is goes to stderr."
    })
public final class CreateTokenCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME", description = "what the token is for, e.g. ci-deploys")
  private String name;

  @Option(names = "--role", paramLabel = "ROLE", required = true, description = "what the token may do")
  private String role;

  @Option(names = "--person", paramLabel = "PERSON", description = "the person it acts as, from the on-call configuration")
  private String person;

  @Override
  protected int run(ApiClient api) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name).put("role", role);
    if (person != null) {
      body.put("person", person);
    }
    return show(api.post(ApiPath.api("tokens"), body), this::print);
  }

  private void print(JsonNode created) {
    if (!created.path("token").isTextual()) {
      throw ApiFailure.unexpectedAnswer("the created token is missing from the answer");
    }
    err().println("Created token " + Table.text(created.path("id")) + " '" + Table.text(created.path("name"))
        + "' with role " + Table.text(created.path("role"))
        + (created.path("person").isTextual() ? " for " + created.path("person").asText() : "")
        + ". Store it now: it is shown only this once.");
    out().println(created.path("token").asText());
  }
}
