package dev.remedia.cli.incidents;

import picocli.CommandLine.Command;

@Command(name = "resolve", description = "Resolve an incident by hand: paging stops and those already paged are told.")
public final class ResolveCommand extends SettleCommand {

  @Override
  String action() {
    return "resolve";
  }

  @Override
  String done() {
    return "resolved";
  }
}
