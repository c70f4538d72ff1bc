package dev.remedia.api.access;

import dev.remedia.activities.store.ApiTokenStore;
import dev.remedia.activities.store.StoredApiToken;
import dev.remedia.api.audit.AuditTrail;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.Ids;
import dev.remedia.api.requests.JsonBody;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, lists and revokes API tokens, and tells who presented one. Values are made here, answered
 * once and never kept: the store holds their SHA-256 (see {@link TokenHashes} for why that hash).
 */
@Singleton
public class ApiTokens {

  private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  private static final String EXAMPLE =
      "{\"name\": \"ci-bot\", \"role\": \"viewer|operator|approver|admin\", \"person\": \"alice\" (optional)}";
  // A presented value longer than this is no token of ours; refusing it early bounds the work per request.
  private static final int MAX_PRESENTED_CHARS = 512;
  // lastUsedAt is a hint for people tidying up tokens, not an audit record: a write a minute is enough.
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final ApiTokenStore store;
  private final AdminToken admin;
  private final OperatorConfig config;
  private final AuditTrail audit;
  private final Clock clock;
  private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

  ApiTokens(ApiTokenStore store, AdminToken admin, OperatorConfig config, AuditTrail audit) {
    this.store = store;
    this.admin = admin;
    this.config = config;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  /** What a presented bearer token turned out to be. */
  sealed interface Authentication {}

  record Authenticated(Caller caller) implements Authentication {}

  /** @param reason why, for the 401's detail: never the value presented */
  record Refused(String reason) implements Authentication {}

  /**
   * Finds the token presented in an {@code Authorization} header. The stored token is looked up by the
   * hash of the value, so the lookup's timing depends on the hash, which tells a guesser nothing.
   */
  Authentication authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new Refused("this needs an API token: send 'Authorization: Bearer <token>'");
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
      return new Refused("the Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'");
    }
    String presented = parts[1];
    if (presented.length() > MAX_PRESENTED_CHARS) {
      return new Refused("the bearer token is not a Remedia API token");
    }
    String hash = TokenHashes.hash(presented);
    var configured = admin.match(hash);
    if (configured.isPresent()) {
      return new Authenticated(configured.get());
    }
    // Anything else without an issued token's shape is refused before PostgreSQL is asked, so a flood
    // of junk tokens costs a regular expression, not a query each.
    var stored = TokenHashes.couldBeIssued(presented) ? store.findByHash(hash) : Optional.<StoredApiToken>empty();
    if (stored.isEmpty()) {
      return new Refused("the bearer token is not a Remedia API token (unknown, or mistyped)");
    }
    StoredApiToken token = stored.get();
    if (token.revoked()) {
      return new Refused("the token '" + token.name() + "' was revoked at " + token.revokedAt());
    }
    Optional<Role> role = Role.fromId(token.role());
    if (role.isEmpty()) {
      LOG.error("Token '{}' has the unknown role '{}' in PostgreSQL; it is refused", token.name(), token.role());
      return new Refused("the token '" + token.name() + "' has no usable role; an admin must replace it");
    }
    touch(token);
    return new Authenticated(new Caller(token.id().toString(), token.name(), role.get(), token.person()));
  }

  /** A new token, its value answered only here. */
  TokenCreated create(String body, Actor actor, String remoteAddress) {
    JsonBody json = JsonBody.parse(body, Set.of("name", "role", "person"), EXAMPLE);
    String name =
        json.text("name", 100, false)
            .orElseThrow(() -> ApiProblem.badRequest("'name' is required: a name for the token, such as ci-bot"));
    if (!NAME.matcher(name).matches()) {
      throw ApiProblem.badRequest(
          "'name' must be 1 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
    }
    if (name.equals(AdminToken.NAME)) {
      throw ApiProblem.conflict("'" + AdminToken.NAME + "' is the name of REMEDIA_ADMIN_TOKEN; choose another name");
    }
    String roleName =
        json.text("role", 20, false)
            .orElseThrow(() -> ApiProblem.badRequest("'role' is required: one of " + Role.ids()));
    Role role =
        Role.fromId(roleName.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> ApiProblem.badRequest("'role' must be one of " + Role.ids() + ", not '" + roleName + "'"));
    String person = json.text("person", 200, false).orElse(null);
    if (person != null && config.onCall().person(person).isEmpty()) {
      throw ApiProblem.badRequest(
          "'person' must be a person in the operator configuration; '" + person + "' is not one of them");
    }
    String value = TokenHashes.newToken();
    StoredApiToken token =
        new StoredApiToken(UUID.randomUUID(), name, role.id(), person, now(), actor.name(), null, null);
    if (!store.create(token, TokenHashes.hash(value))) {
      throw ApiProblem.conflict("a live token is already named '" + name + "'; revoke it first or choose another name");
    }
    audit.record(actor, "token.create", "token", token.id().toString(), remoteAddress, "created", described(token));
    return new TokenCreated(
        token.id().toString(), token.name(), token.role(), token.person(), token.createdAt(), value);
  }

  List<TokenView> list() {
    return store.list().stream().map(TokenView::of).toList();
  }

  /** Revokes the token; it is refused from the next request on, on every Remedia instance. */
  void revoke(String id, Actor actor, String remoteAddress) {
    UUID tokenId = Ids.uuid(id).orElseThrow(() -> ApiProblem.notFound("no token with id '" + id + "'"));
    Instant now = now();
    StoredApiToken token =
        store.revoke(tokenId, now).orElseThrow(() -> ApiProblem.notFound("no token with id '" + id + "'"));
    lastTouched.remove(token.id().toString());
    String outcome = token.revokedAt().equals(now) ? "revoked" : "already revoked";
    audit.record(actor, "token.revoke", "token", id, remoteAddress, outcome, described(token));
  }

  private static Map<String, Object> described(StoredApiToken token) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("name", token.name());
    detail.put("role", token.role());
    if (token.person() != null) {
      detail.put("person", token.person());
    }
    return detail;
  }

  /** Now, to the millisecond: what PostgreSQL stores and answers back exactly. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // A failed write must not refuse a request that authenticated: lastUsedAt is only a hint.
  private void touch(StoredApiToken token) {
    Instant now = clock.instant();
    String id = token.id().toString();
    Instant last = lastTouched.get(id);
    if (last != null && last.plus(TOUCH_EVERY).isAfter(now)) {
      return;
    }
    lastTouched.put(id, now);
    try {
      store.touch(token.id(), now);
    } catch (RuntimeException e) {
      LOG.warn("Could not record the use of token {}: {}", token.name(), e.getMessage());
    }
  }
}
