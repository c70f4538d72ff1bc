package dev.remedia.cli.incidents;

import picocli.CommandLine.Command;

@Command(name = "ack", description = "Acknowledge an incident: its paging stops on every channel.")
public final class AckCommand extends SettleCommand {

  @Override
  String action() {
    return "ack";
  }

  @Override
  String done() {
    return "acknowledged";
  }
}
