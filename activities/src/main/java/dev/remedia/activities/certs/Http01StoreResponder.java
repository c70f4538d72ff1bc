package dev.remedia.activities.certs;

import dev.remedia.activities.store.ChallengeStore;
import java.time.Clock;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;

/** HTTP-01 answered by Remedia itself: the token goes to PostgreSQL, where every replica's route finds it. */
final class Http01StoreResponder implements ChallengeResponder {

  private final ChallengeStore challenges;
  private final Clock clock;

  Http01StoreResponder(ChallengeStore challenges, Clock clock) {
    this.challenges = challenges;
    this.clock = clock;
  }

  @Override
  public String type() {
    return Http01Challenge.TYPE;
  }

  @Override
  public void present(String runId, String domain, Challenge challenge) {
    Http01Challenge http = (Http01Challenge) challenge;
    challenges.put(http.getToken(), http.getAuthorization(), runId, clock.instant());
  }

  @Override
  public void cleanup(String domain, Challenge challenge) {
    challenges.remove(((Http01Challenge) challenge).getToken());
  }
}
