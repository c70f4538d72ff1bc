package dev.remedia.api.certs;

import dev.remedia.activities.store.ChallengeStore;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.regex.Pattern;

/**
 * ACME HTTP-01 answers, for a CA that validates a domain pointed (or proxied) at Remedia. Open to
 * anyone, as the CA must be: a token is public once the CA has asked for it, and its answer proves
 * nothing without the account key.
 */
@Controller("/.well-known/acme-challenge")
@ExecuteOn(TaskExecutors.BLOCKING)
class AcmeChallengeController {

  // ACME tokens are base64url; anything else cannot be one, and never reaches a query.
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,200}");

  private final ChallengeStore challenges;

  AcmeChallengeController(ChallengeStore challenges) {
    this.challenges = challenges;
  }

  @Get("/{token}")
  @Produces(MediaType.TEXT_PLAIN)
  HttpResponse<String> answer(@PathVariable String token) {
    if (!TOKEN.matcher(token).matches()) {
      return HttpResponse.notFound();
    }
    return challenges.keyAuthorization(token).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
  }
}
