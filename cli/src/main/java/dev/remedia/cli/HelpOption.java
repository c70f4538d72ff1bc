package dev.remedia.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} on every command. A mixin rather than an inherited option, because picocli's
 * {@code help} subcommand declares the same names.
 */
public final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  private boolean help;
}
