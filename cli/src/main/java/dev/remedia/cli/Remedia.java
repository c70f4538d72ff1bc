package dev.remedia.cli;

import dev.remedia.cli.approvals.ApprovalsCommand;
import dev.remedia.cli.approvals.ApproveCommand;
import dev.remedia.cli.approvals.RejectCommand;
import dev.remedia.cli.incidents.AckCommand;
import dev.remedia.cli.incidents.IncidentCommand;
import dev.remedia.cli.incidents.IncidentsCommand;
import dev.remedia.cli.incidents.ResolveCommand;
import dev.remedia.cli.runs.CancelCommand;
import dev.remedia.cli.runs.FollowCommand;
import dev.remedia.cli.runs.RetryCommand;
import dev.remedia.cli.runs.RunCommand;
import dev.remedia.cli.runs.RunsCommand;
import dev.remedia.cli.runs.TriggerCommand;
import dev.remedia.cli.tokens.TokensCommand;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code remedia} command. Its options are inherited, so they work before or after the
 * subcommand's name ({@code remedia --json runs} and {@code remedia runs --json}).
 */
@Command(
    name = "remedia",
    description = "Remedia's command-line client: incidents, runs, approvals and API tokens.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      HelpCommand.class,
      IncidentsCommand.class,
      IncidentCommand.class,
      AckCommand.class,
      ResolveCommand.class,
      RunsCommand.class,
      RunCommand.class,
      FollowCommand.class,
      TriggerCommand.class,
      CancelCommand.class,
      RetryCommand.class,
      ApprovalsCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      TokensCommand.class
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  REMEDIA_URL    Remedia's base URL (default " + Connection.DEFAULT_URL + ")",
      "  REMEDIA_TOKEN  the API token, sent as Authorization: Bearer",
      "",
      "Exit status: 0 done; 1 the followed run did not succeed; 2 usage error;",
      "3 refused by Remedia (HTTP 4xx); 4 Remedia failed or could not be reached."
    })
public final class Remedia {

  @Option(
      names = "--url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = {"Remedia's base URL (default: $REMEDIA_URL,", "else " + Connection.DEFAULT_URL + ")"})
  private String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      scope = ScopeType.INHERIT,
      description = {"API token (default: $REMEDIA_TOKEN; prefer the", "variable: a flag shows in the process list)"})
  private String token;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "print Remedia's JSON answers, one per line")
  private boolean json;

  @Mixin private HelpOption help;

  private final Map<String, String> environment;

  private Remedia(Map<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(System.getenv(), out, err, args));
  }

  /** Runs one command line; tests call this with their own environment and writers. */
  public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new Remedia(environment))
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new FailureReporter())
        .execute(args);
  }

  ApiClient client() {
    return Connection.open(url, token, environment);
  }

  boolean jsonOutput() {
    return json;
  }
}
