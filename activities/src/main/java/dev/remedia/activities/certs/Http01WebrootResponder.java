package dev.remedia.activities.certs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;

/** HTTP-01 answered by the operator's web server: the token is written under its document root. */
final class Http01WebrootResponder implements ChallengeResponder {

  private final Path webroot;

  Http01WebrootResponder(Path webroot) {
    this.webroot = webroot;
  }

  @Override
  public String type() {
    return Http01Challenge.TYPE;
  }

  @Override
  public void present(String runId, String domain, Challenge challenge) throws Exception {
    Http01Challenge http = (Http01Challenge) challenge;
    SecretFiles.write(tokenFile(http), http.getAuthorization(), SecretFiles.PUBLIC);
  }

  @Override
  public void cleanup(String domain, Challenge challenge) throws Exception {
    Files.deleteIfExists(tokenFile((Http01Challenge) challenge));
  }

  private Path tokenFile(Http01Challenge http) {
    // Tokens are base64url, so they cannot climb out of the directory; acme4j checks their alphabet.
    return webroot.resolve(".well-known").resolve("acme-challenge").resolve(http.getToken());
  }
}
