package dev.remedia.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the step will touch, so approvers can weigh it: "120 devices", and which.
 *
 * @param count how many things the step changes
 * @param unit what they are, plural ("devices", "endpoints")
 * @param targets some or all of them by name; long lists are shortened when shown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlastRadius(long count, String unit, List<String> targets) {

  public BlastRadius {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** "120 devices: dev-1, dev-2, dev-3 and 117 more". */
  public String describe() {
    String head = count + " " + unit;
    if (targets.isEmpty()) {
      return head;
    }
    int shown = Math.min(targets.size(), 5);
    String names = String.join(", ", targets.subList(0, shown));
    long more = Math.max(count, targets.size()) - shown;
    return head + ": " + names + (more > 0 ? " and " + more + " more" : "");
  }
}
