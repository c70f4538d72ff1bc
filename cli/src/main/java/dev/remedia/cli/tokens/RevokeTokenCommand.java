package dev.remedia.cli.tokens;

import dev.remedia.cli.ApiClient;
import dev.remedia.cli.ApiCommand;
import dev.remedia.cli.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", description = "Revoke an API token: requests that carry it are refused from now on.")
public final class RevokeTokenCommand extends ApiCommand {

  @Parameters(paramLabel = "ID", description = "the token's id, as 'remedia tokens list' shows it")
  private String id;

  @Override
  protected int run(ApiClient api) {
    return show(api.delete(ApiPath.api("tokens", id)), answer -> out().println("Token " + id + " revoked."));
  }
}
