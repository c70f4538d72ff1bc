package dev.remedia.runbooks.saga;

import dev.remedia.workflows.runbook.FailureType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every call, so a test sees whether an undo ran and how often; named methods can fail for good. */
final class FakeNodes implements NodeActivities {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  /** Makes every call of {@code method} fail permanently. */
  FakeNodes failing(String method) {
    failing.add(method);
    return this;
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public String lock(String node) {
    return call("lock", node, "locked " + node);
  }

  @Override
  public String unlock(String node) {
    return call("unlock", node, "unlocked " + node);
  }

  @Override
  public String drain(String node) {
    return call("drain", node, "drained " + node + ": 12 connections left");
  }

  @Override
  public String undrain(String node) {
    return call("undrain", node, node + " back in service");
  }

  @Override
  public String restart(String node) {
    return call("restart", node, "restarted " + node);
  }

  private String call(String method, String node, String answer) {
    calls.add(method + " " + node);
    if (failing.contains(method)) {
      throw FailureType.RUNBOOK_FAILED.permanent(method + " " + node + ": the node's agent refused");
    }
    return answer;
  }
}
