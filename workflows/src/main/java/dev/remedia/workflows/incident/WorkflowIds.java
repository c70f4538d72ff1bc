package dev.remedia.workflows.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns arbitrary keys into workflow id parts that Temporal and people can both use. */
final class WorkflowIds {

  private static final int MAX_READABLE = 200;

  private WorkflowIds() {}

  static String readableOrHashed(String key) {
    if (key.length() <= MAX_READABLE && key.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
