package dev.remedia.api.access;

import dev.remedia.activities.store.ApiTokenStore;
import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.TemporalSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin token that needs no token to create: {@code REMEDIA_ADMIN_TOKEN} when set, so an operator
 * can create the first stored tokens; otherwise, in dev mode only, one made at start-up and printed
 * once on the console (never through the logger, so it is in no log record); otherwise none. Only its
 * hash is kept. It is not stored in PostgreSQL, so it is not listed and cannot be revoked through the
 * API: unset the variable and restart to retire it.
 */
@Context
public class AdminToken {

  /** The token's id and name, as {@link Caller} and the audit log ({@code token:admin-token}) show it. */
  public static final String NAME = "admin-token";

  static final int MIN_CHARS = 16;
  private static final Logger LOG = LoggerFactory.getLogger("remedia.access");

  private final String hash;
  private final PrintStream console;
  private String unprinted;

  @Inject
  AdminToken(
      @Value("${remedia.admin-token:}") String configured, TemporalSettings temporal, ApiTokenStore tokens) {
    this(configured, temporal.devServer(), tokens.countLive(), System.out);
  }

  AdminToken(String configured, boolean devMode, int liveTokens, PrintStream console) {
    this.console = console;
    String stored = liveTokens + " live token(s) in PostgreSQL";
    if (configured != null && !configured.isBlank()) {
      String token = configured.strip();
      if (token.length() < MIN_CHARS || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw new StartupFailure(
            "REMEDIA_ADMIN_TOKEN must be at least " + MIN_CHARS
                + " visible ASCII characters without spaces, such as the output of `openssl rand -hex 32`",
            null);
      }
      hash = TokenHashes.hash(token);
      LOG.info("API access: REMEDIA_ADMIN_TOKEN is an admin token; {}", stored);
    } else if (devMode) {
      unprinted = TokenHashes.newToken();
      hash = TokenHashes.hash(unprinted);
      LOG.info(
          "API access: REMEDIA_ADMIN_TOKEN is blank, so dev mode made an admin token for this run, printed "
              + "once on the console when the server is up; {}",
          stored);
    } else {
      hash = null;
      if (liveTokens == 0) {
        LOG.warn(
            "API access: no API tokens yet and REMEDIA_ADMIN_TOKEN is blank, so every /api request is refused; "
                + "set REMEDIA_ADMIN_TOKEN and create tokens with POST /api/tokens");
      } else {
        LOG.info("API access: {}; REMEDIA_ADMIN_TOKEN is blank", stored);
      }
    }
  }

  /** The admin caller when {@code presentedHash} is this token's hash. */
  Optional<Caller> match(String presentedHash) {
    if (hash == null || !TokenHashes.same(hash, presentedHash)) {
      return Optional.empty();
    }
    return Optional.of(new Caller(NAME, NAME, Role.ADMIN, null));
  }

  @EventListener
  void onServerStartup(ServerStartupEvent event) {
    printOnce();
  }

  synchronized void printOnce() {
    if (unprinted != null) {
      console.println(
          "Admin token for this run (dev mode; shown only here): export REMEDIA_ADMIN_TOKEN=" + unprinted);
      console.flush();
      unprinted = null;
    }
  }
}
