package dev.remedia.activities.oncall;

import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.FinalAction;
import java.util.List;

/**
 * An escalation policy from the configuration, with every target checked to exist.
 *
 * @param repeat how many more passes over the levels after the first
 * @param fallback paged once when {@code finalAction} is {@link FinalAction#NOTIFY_FALLBACK}, else null
 */
public record EscalationPolicy(
    String name, List<EscalationLevel> levels, int repeat, FinalAction finalAction, EscalationLevel fallback) {

  public EscalationPolicy {
    levels = List.copyOf(levels);
  }
}
