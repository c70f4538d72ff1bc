package dev.remedia.api.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes token values and the hashes stored in their place.
 *
 * <p>A token is {@code rmd_} and 32 bytes from {@link SecureRandom} in base64url: 256 bits that nobody
 * can guess, so one round of SHA-256 is the right hash. Slow, salted password hashes (bcrypt, Argon2)
 * exist to make guessing low-entropy passwords expensive; here there is nothing to guess, and a fast
 * unsalted hash lets every request find its token by an indexed lookup instead of trying each one.
 */
final class TokenHashes {

  static final String PREFIX = "rmd_";
  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What {@link #newToken} makes: the prefix and 43 base64url characters. */
  private static final Pattern ISSUED = Pattern.compile("rmd_[A-Za-z0-9_-]{43}");

  private TokenHashes() {}

  /** Whether the value has the shape of a token Remedia issued, so is worth looking up at all. */
  static boolean couldBeIssued(String token) {
    return ISSUED.matcher(token).matches();
  }

  static String newToken() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex SHA-256 of the token, as stored. */
  static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  /** Compares two hex hashes in constant time. */
  static boolean same(String hash, String other) {
    return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), other.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
