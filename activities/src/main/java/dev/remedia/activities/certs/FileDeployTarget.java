package dev.remedia.activities.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Key and chain files a server reads, and the command that makes it read them again. The files being
 * replaced are kept as {@code <file>.previous} for rollback.
 *
 * @param reload the reload command as separate arguments (no shell), for example
 *     {@code [nginx, -s, reload]}; empty for none
 */
public record FileDeployTarget(String name, Path key, Path chain, List<String> reload, Duration reloadTimeout)
    implements DeployTarget {

  public FileDeployTarget {
    reload = List.copyOf(reload);
  }

  @Override
  public String describe() {
    return "files " + key + " and " + chain + (reload.isEmpty() ? "" : ", then " + String.join(" ", reload));
  }

  @Override
  public String install(String chainPem, String keyPem) throws DeployException {
    try {
      // Idempotent per file: a retry finds the new content in place and keeps the earlier .previous
      // copy. Deciding per file matters after a crash between the two writes: the key already new must
      // not overwrite its .previous, or a rollback would pair the new key with the old chain.
      boolean keyInPlace = holds(key, keyPem);
      boolean chainInPlace = holds(chain, chainPem);
      if (keyInPlace && chainInPlace) {
        return "files already hold the new certificate; " + runReload();
      }
      if (!keyInPlace) {
        keepPrevious(key, SecretFiles.PRIVATE);
        SecretFiles.write(key, keyPem, SecretFiles.PRIVATE);
      }
      if (!chainInPlace) {
        keepPrevious(chain, SecretFiles.PUBLIC);
        SecretFiles.write(chain, chainPem, SecretFiles.PUBLIC);
      }
    } catch (IOException e) {
      throw new DeployException("cannot write " + key + " and " + chain + ": " + e.getMessage());
    }
    return "wrote " + key + " (0600) and " + chain + " (0644); " + runReload();
  }

  @Override
  public String rollback() throws DeployException {
    Path previousKey = previous(key);
    Path previousChain = previous(chain);
    if (!Files.exists(previousKey) || !Files.exists(previousChain)) {
      throw new DeployException("no previous files to restore (" + previousKey + ", " + previousChain + ")");
    }
    try {
      SecretFiles.write(key, Files.readString(previousKey), SecretFiles.PRIVATE);
      SecretFiles.write(chain, Files.readString(previousChain), SecretFiles.PUBLIC);
    } catch (IOException e) {
      throw new DeployException("cannot restore " + key + " and " + chain + ": " + e.getMessage());
    }
    return "restored " + key + " and " + chain + " from .previous; " + runReload();
  }

  private String runReload() throws DeployException {
    if (reload.isEmpty()) {
      return "no reload command";
    }
    CommandRunner.Outcome outcome;
    try {
      outcome = CommandRunner.run(reload, reloadTimeout);
    } catch (IOException e) {
      throw new DeployException("reload command " + reload.get(0) + " cannot run: " + e.getMessage());
    }
    if (!outcome.succeeded()) {
      throw new DeployException("reload command " + outcome.describe());
    }
    return "reload " + outcome.describe();
  }

  private static boolean holds(Path file, String content) throws IOException {
    return Files.exists(file) && Files.readString(file).equals(content);
  }

  private static void keepPrevious(Path file, Set<PosixFilePermission> permissions) throws IOException {
    if (Files.exists(file)) {
      SecretFiles.write(previous(file), Files.readString(file), permissions);
    }
  }

  private static Path previous(Path file) {
    return file.resolveSibling(file.getFileName() + ".previous");
  }
}
