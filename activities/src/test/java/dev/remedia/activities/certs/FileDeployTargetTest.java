package dev.remedia.activities.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing and rolling back files when the process died half-way through an earlier install. */
class FileDeployTargetTest {

  @TempDir Path dir;

  @Test
  void aRetryAfterACrashBetweenTheTwoWritesKeepsThePreviousPairForRollback() throws Exception {
    Path key = dir.resolve("site.key");
    Path chain = dir.resolve("site.pem");
    Files.writeString(key, "old key");
    Files.writeString(chain, "old chain");
    FileDeployTarget target = new FileDeployTarget("web", key, chain, List.of(), Duration.ofSeconds(5));
    // The first attempt kept .previous for the key, wrote the new key, and died before the chain.
    Files.copy(key, dir.resolve("site.key.previous"));
    Files.writeString(key, "new key");

    target.install("new chain", "new key");
    target.rollback();

    assertEquals("old key", Files.readString(key));
    assertEquals("old chain", Files.readString(chain));
  }
}
