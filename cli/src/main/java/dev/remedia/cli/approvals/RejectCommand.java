package dev.remedia.cli.approvals;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reject", description = "Vote to reject a pending approval gate; a rejection needs a reason.")
public final class RejectCommand extends VoteCommand {

  @Option(names = "--reason", paramLabel = "REASON", required = true, description = "why, recorded with the vote")
  private String reason;

  @Override
  String decision() {
    return "reject";
  }

  @Override
  String reason() {
    return reason;
  }
}
