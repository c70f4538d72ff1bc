package dev.remedia.api.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (an API token, a webhook source, an address): each holds up to {@code burst}
 * requests and refills at {@code rate} per second. The least recently used buckets beyond
 * {@link #MAX_KEYS} are forgotten, so keys an attacker makes up cannot exhaust the memory; a forgotten
 * bucket comes back full, which only ever lets a request through that the limit would have refused.
 */
final class TokenBuckets {

  static final int MAX_KEYS = 10_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double rate;
  private final double burst;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_KEYS;
        }
      };

  /** @param rate requests per second, 0 for no limit */
  TokenBuckets(int rate, int burst) {
    this.rate = rate;
    this.burst = Math.max(burst, 1);
  }

  boolean limited() {
    return rate > 0;
  }

  /**
   * Takes one request from the key's bucket.
   *
   * @return zero when the request may go; otherwise how long until the bucket holds one again
   */
  synchronized Duration take(String key, long nowNanos) {
    if (!limited()) {
      return Duration.ZERO;
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
    double elapsed = (nowNanos - bucket.updatedNanos) / (double) NANOS_PER_SECOND;
    bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, elapsed) * rate);
    bucket.updatedNanos = nowNanos;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / rate * NANOS_PER_SECOND));
  }

  private static final class Bucket {
    private double tokens;
    private long updatedNanos;

    private Bucket(double tokens, long updatedNanos) {
      this.tokens = tokens;
      this.updatedNanos = updatedNanos;
    }
  }
}
