package dev.remedia.cli.approvals;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "approve", description = "Vote to approve a pending approval gate.")
public final class ApproveCommand extends VoteCommand {

  @Option(names = "--reason", paramLabel = "REASON", description = "why, recorded with the vote")
  private String reason;

  @Override
  String decision() {
    return "approve";
  }

  @Override
  String reason() {
    return reason;
  }
}
