package dev.remedia.activities.certs;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;

/**
 * DNS-01 through the operator's hook: {@code <hook...> present <record name> <value>} before the CA
 * looks, {@code <hook...> cleanup <record name> <value>} after. The record name is
 * {@code _acme-challenge.<domain>.}; the hook talks to whatever DNS provider the operator uses.
 */
final class Dns01HookResponder implements ChallengeResponder {

  static final Duration HOOK_TIMEOUT = Duration.ofMinutes(2);

  private final List<String> hook;

  Dns01HookResponder(List<String> hook) {
    this.hook = List.copyOf(hook);
  }

  @Override
  public String type() {
    return Dns01Challenge.TYPE;
  }

  @Override
  public void present(String runId, String domain, Challenge challenge) throws IOException {
    run("present", domain, (Dns01Challenge) challenge);
  }

  @Override
  public void cleanup(String domain, Challenge challenge) throws IOException {
    run("cleanup", domain, (Dns01Challenge) challenge);
  }

  private void run(String action, String domain, Dns01Challenge challenge) throws IOException {
    List<String> command = new ArrayList<>(hook);
    command.add(action);
    command.add(challenge.getRRName(domain.startsWith("*.") ? domain.substring(2) : domain));
    command.add(challenge.getDigest());
    CommandRunner.Outcome outcome = CommandRunner.run(command, HOOK_TIMEOUT);
    if (!outcome.succeeded()) {
      throw new HookFailedException("DNS hook " + action + " for " + domain + " " + outcome.describe());
    }
  }

  /** The hook said no: a broken hook or DNS provider, which retrying may or may not mend. */
  static final class HookFailedException extends IOException {
    HookFailedException(String message) {
      super(message);
    }
  }
}
