package dev.remedia.runbooks.certrenewal;

import dev.remedia.workflows.runbook.RunClaimActivities;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Claims in memory: the first run to claim a key holds it until {@link #release}. */
final class FakeClaims implements RunClaimActivities {

  final Map<String, String> holders = new ConcurrentHashMap<>();

  @Override
  public String claim(Claim claim) {
    return holders.computeIfAbsent(claim.key(), key -> claim.runId());
  }

  void release(String key) {
    holders.remove(key);
  }
}
