package dev.remedia.api.twilio;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Twilio's signatures carry no timestamp, so a captured callback stays valid forever. This remembers the
 * callbacks handled lately (by message or call SID and event) and answers a repeat without acting again.
 * It is per process and bounded: a repeat older than the last {@value #CAPACITY} callbacks is handled
 * again, which the answers' own idempotency absorbs (a second acknowledgement is "already settled").
 */
@Singleton
@Requires(condition = TwilioConfigured.class)
class TwilioReplays {

  static final int CAPACITY = 10_000;

  private final Set<String> handled =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > CAPACITY;
            }
          });

  /**
   * Runs {@code action} the first time {@code key} is seen and returns its answer; a repeat gets {@code
   * onRepeat}. A failed action is forgotten, so Twilio's own retry can succeed.
   */
  <T> T once(String key, Supplier<T> action, T onRepeat) {
    synchronized (handled) {
      if (!handled.add(key)) {
        return onRepeat;
      }
    }
    try {
      return action.get();
    } catch (RuntimeException e) {
      synchronized (handled) {
        handled.remove(key);
      }
      throw e;
    }
  }
}
