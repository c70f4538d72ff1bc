package dev.remedia.api.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a real component installed from Debian. Missing on a laptop, its tests skip and say how to
 * install it; missing in CI (the {@code CI} variable is set), they fail, so CI can never pass by
 * skipping.
 */
final class RealComponent {

  private RealComponent() {}

  static Path require(String executable, String debianPackage) {
    Path path = Path.of(executable);
    if (Files.isExecutable(path)) {
      return path;
    }
    String message = executable + " is missing: apt-get install -y " + debianPackage;
    if (System.getenv("CI") != null) {
      throw new AssertionError(message + " (CI must run this test, not skip it)");
    }
    Assumptions.abort(message);
    return path;
  }
}
