package dev.remedia.runbooks.saga;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * A test port for a runbook that changes things and can undo them. Each method answers one line for
 * the timeline; each undo (unlock, undrain) is safe to repeat and to run when nothing was done.
 */
@ActivityInterface
public interface NodeActivities {

  @ActivityMethod(name = "Nodes.Lock")
  String lock(String node);

  @ActivityMethod(name = "Nodes.Unlock")
  String unlock(String node);

  @ActivityMethod(name = "Nodes.Drain")
  String drain(String node);

  @ActivityMethod(name = "Nodes.Undrain")
  String undrain(String node);

  @ActivityMethod(name = "Nodes.Restart")
  String restart(String node);
}
