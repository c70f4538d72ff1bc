package dev.remedia.api.operator;

import dev.remedia.workflows.runbook.RunbookDefinition;
import java.util.Optional;

/**
 * One entry of {@code routes:}, validated.
 *
 * @param index the position in the file, from 0
 * @param runbook the runbook to start, or null for none
 * @param input the runbook's input template; empty without a runbook
 * @param escalationPolicy the escalation policy's name, or null
 */
public record Route(
    int index,
    String name,
    RouteMatch match,
    Dedupe dedupe,
    RunbookDefinition runbook,
    InputTemplate input,
    String escalationPolicy) {

  public Optional<RunbookDefinition> runbookDefinition() {
    return Optional.ofNullable(runbook);
  }
}
