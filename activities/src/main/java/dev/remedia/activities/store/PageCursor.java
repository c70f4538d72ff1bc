package dev.remedia.activities.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page ended: the time and id of its last row (a run's creation, an incident's opening). Keyset
 * paging stays correct while new rows arrive, which offsets do not. Clients treat the encoded form as
 * opaque.
 */
public record PageCursor(Instant at, String id) {

  public String encode() {
    String raw = at.getEpochSecond() + "." + at.getNano() + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor made by {@link #encode}; anything else is an {@link IllegalArgumentException}. */
  public static PageCursor decode(String encoded) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      String[] time = raw.substring(0, colon).split("\\.");
      Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
      String id = raw.substring(colon + 1);
      if (!RunIds.plausible(id)) {
        throw new IllegalArgumentException("not an id");
      }
      return new PageCursor(at, id);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor is not one this API handed out", e);
    }
  }
}
