package dev.remedia.activities.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes key and certificate files atomically: a temporary file in the same directory, with its
 * permissions set before anything is written, then renamed over the target. A reader (nginx reloading)
 * sees the old file or the new one, never half of one, and a private key is never readable by others.
 */
final class SecretFiles {

  static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

  private SecretFiles() {}

  static void write(Path target, String content, Set<PosixFilePermission> permissions) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary =
        Files.createTempFile(
            directory, "." + target.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(permissions));
    try {
      Files.writeString(temporary, content, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(temporary, permissions);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
