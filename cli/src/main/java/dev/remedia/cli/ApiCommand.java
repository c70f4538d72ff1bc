package dev.remedia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to Remedia: it gets a client for the URL and token in force, and prints either
 * its own human-readable view or, with {@code --json}, the JSON Remedia answered.
 */
public abstract class ApiCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help;

  @Override
  public final Integer call() {
    return run(root().client());
  }

  /** Does the command's work; returns its exit status. Failures are thrown, never printed here. */
  protected abstract int run(ApiClient api);

  protected final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  protected final boolean jsonOutput() {
    return root().jsonOutput();
  }

  /** Prints {@code answer} as JSON (one line) with {@code --json}, otherwise as {@code human} shows it. */
  protected final int show(JsonNode answer, Consumer<JsonNode> human) {
    if (jsonOutput()) {
      if (!answer.isMissingNode()) {
        out().println(answer);
      }
    } else {
      human.accept(answer);
    }
    return ExitCodes.OK;
  }

  private Remedia root() {
    return (Remedia) spec.root().userObject();
  }
}
