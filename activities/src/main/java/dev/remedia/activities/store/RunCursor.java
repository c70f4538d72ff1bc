package dev.remedia.activities.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of runs ended: the creation time and id of its last run. Keyset paging stays correct
 * while new runs arrive, which offsets do not. Clients treat the encoded form as opaque.
 */
public record RunCursor(Instant createdAt, String id) {

  public String encode() {
    String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor made by {@link #encode}; anything else is an {@link IllegalArgumentException}. */
  public static RunCursor decode(String encoded) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      String[] time = raw.substring(0, colon).split("\\.");
      Instant createdAt = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
      String id = raw.substring(colon + 1);
      if (!RunIds.plausible(id)) {
        throw new IllegalArgumentException("not a run id");
      }
      return new RunCursor(createdAt, id);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor is not one this API handed out", e);
    }
  }
}
