package dev.remedia.cli.tokens;

import dev.remedia.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

@Command(
    name = "tokens",
    description = "Manage API tokens.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {CreateTokenCommand.class, ListTokensCommand.class, RevokeTokenCommand.class, HelpCommand.class})
public final class TokensCommand {

  @Mixin private HelpOption help;
}
