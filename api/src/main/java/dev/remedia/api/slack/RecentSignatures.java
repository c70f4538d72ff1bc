package dev.remedia.api.slack;

import dev.remedia.api.signing.RequestSignatures;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of the requests accepted within the timestamp window, so a captured request cannot be
 * replayed while its timestamp is still fresh. Only verified signatures are added, so nobody without
 * the signing secret can fill it; the bound keeps memory fixed even under a flood of genuine clicks.
 * It is per process: behind several instances, a replay that reaches another instance is not caught.
 */
final class RecentSignatures {

  private final int capacity;
  /** Signature → the request's signed timestamp (Unix seconds), in the order they arrived. */
  private final Map<String, Long> seen = new LinkedHashMap<>();

  RecentSignatures(int capacity) {
    this.capacity = capacity;
  }

  /** Records the signature; false when it was already recorded, that is, for a replay. */
  synchronized boolean firstSighting(String signature, long timestamp, long now) {
    forgetExpired(now);
    if (seen.containsKey(signature)) {
      return false;
    }
    if (seen.size() >= capacity) {
      Iterator<String> eldest = seen.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    seen.put(signature, timestamp);
    return true;
  }

  /** A signature whose timestamp left the window is refused as stale anyway, so it need not be kept. */
  private void forgetExpired(long now) {
    long limit = RequestSignatures.MAX_TIMESTAMP_SKEW.toSeconds();
    Iterator<Long> timestamps = seen.values().iterator();
    while (timestamps.hasNext()) {
      if (timestamps.next() >= now - limit) {
        return;
      }
      timestamps.remove();
    }
  }
}
