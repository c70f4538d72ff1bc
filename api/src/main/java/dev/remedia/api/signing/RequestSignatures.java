package dev.remedia.api.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What every signed callback checks: an HMAC over what was sent, and a fresh signed timestamp. */
public final class RequestSignatures {

  /** How far a signed timestamp may be from now either way: a captured request replays only briefly. */
  public static final Duration MAX_TIMESTAMP_SKEW = Duration.ofMinutes(5);

  private RequestSignatures() {}

  /** The HMAC-SHA256 of the parts one after the other, as if they were one message. */
  public static byte[] hmacSha256(String secret, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /** Compares in constant time, so the timing shows nothing about where the values differ. */
  public static boolean same(byte[] expected, byte[] presented) {
    return MessageDigest.isEqual(expected, presented);
  }

  /**
   * Why {@code timestamp} (Unix seconds, from {@code header}) is not within {@link #MAX_TIMESTAMP_SKEW}
   * of now, or null when it is.
   */
  public static String timestampProblem(String header, String timestamp) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return header + " must be Unix seconds";
    }
    long now = Instant.now().getEpochSecond();
    long limit = MAX_TIMESTAMP_SKEW.toSeconds();
    // Compared against bounds, not by subtracting, which overflows for values near Long's limits.
    if (seconds >= now - limit && seconds <= now + limit) {
      return null;
    }
    String distance = seconds < 0 || seconds > 2 * now ? "far" : Math.abs(now - seconds) + " s";
    return header + " is " + distance + " away from now; at most " + limit + " s is accepted";
  }
}
