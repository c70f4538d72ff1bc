package dev.remedia.api.access;

import dev.remedia.api.config.LimitSettings;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.problem.ProblemResponses;
import dev.remedia.api.problem.ReadModelUnavailable;
import dev.remedia.api.requests.RemoteAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where requests are let in or turned away, before any controller runs: every request to
 * {@code /api} (and {@code /metrics}, when configured) must carry an API token whose role
 * {@link AccessPolicy} allows, and stay within its token's rate; webhooks and Slack's and Twilio's
 * callbacks, which verify their senders themselves, stay within their source's rate. Being one filter
 * over every path, it covers routes that are added later without anyone wiring them in.
 *
 * <p>Answers: 401 with {@code WWW-Authenticate: Bearer} for a missing, unknown or revoked token; 403
 * naming the role needed and the token's role; 429 with {@code Retry-After} over a rate; all
 * problem+json, and none of them ever quotes what was presented.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class AccessFilter implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
  private static final int MAX_SOURCE_CHARS = 64;

  private final AccessPolicy policy;
  private final ApiTokens tokens;
  private final ProblemResponses problems;
  private final TokenBuckets apiRates;
  private final TokenBuckets sourceRates;
  private final LimitSettings limits;

  AccessFilter(AccessPolicy policy, ApiTokens tokens, ProblemResponses problems, LimitSettings limits) {
    this.policy = policy;
    this.tokens = tokens;
    this.problems = problems;
    this.limits = limits;
    this.apiRates = new TokenBuckets(limits.apiRate(), limits.apiBurst());
    this.sourceRates = new TokenBuckets(limits.webhookRate(), limits.webhookBurst());
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }

  /** Lets the request through (null) or answers it. Blocking: a stored token is looked up in PostgreSQL. */
  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  MutableHttpResponse<?> check(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
    String path =
        route instanceof UriRouteMatch<?, ?> matched
            ? matched.getRouteInfo().getUriMatchTemplate().toString()
            : request.getPath();
    Optional<Role> needed = policy.required(request.getMethod(), path);
    if (needed.isEmpty()) {
      return sourceLimited(request);
    }
    ApiTokens.Authentication authentication;
    try {
      authentication = tokens.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    } catch (DataAccessException e) {
      LOG.error("PostgreSQL failed while checking the API token of {} {}", request.getMethod(), request.getPath(), e);
      return problems.handle(request, ReadModelUnavailable.problem(e));
    }
    if (authentication instanceof ApiTokens.Refused refused) {
      String address = RemoteAddress.of(request);
      MutableHttpResponse<?> limited =
          limited(request, apiRates, "address " + address, address + " without a valid API token", api());
      return limited != null
          ? limited
          : problems.handle(request, ApiProblem.unauthorized(refused.reason()))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    Caller caller = ((ApiTokens.Authenticated) authentication).caller();
    MutableHttpResponse<?> limited =
        limited(request, apiRates, "token " + caller.tokenId(), "the token '" + caller.tokenName() + "'", api());
    if (limited != null) {
      return limited;
    }
    Role role = needed.get();
    if (!caller.role().allows(role)) {
      return problems.handle(
          request,
          ApiProblem.forbidden(
              request.getMethod() + " " + request.getPath() + " needs the " + role.id() + " role; the token '"
                  + caller.tokenName() + "' has the " + caller.role().id() + " role"));
    }
    request.setAttribute(Caller.ATTRIBUTE, caller);
    return null;
  }

  /** Webhooks per source, Slack's and Twilio's callbacks each as one source; anything else is not limited. */
  private MutableHttpResponse<?> sourceLimited(HttpRequest<?> request) {
    String[] segments = request.getPath().toLowerCase(Locale.ROOT).replaceAll("^/+", "").split("/+");
    String source =
        switch (segments[0]) {
          case "webhooks" -> segments.length > 1 ? "the webhook source '" + truncated(segments[1]) + "'" : null;
          case "slack" -> "Slack";
          case "twilio" -> "Twilio";
          default -> null;
        };
    String limit = "the limit is " + limits.webhookRate() + " a second, " + limits.webhookBurst() + " at once";
    return source == null ? null : limited(request, sourceRates, source, source, limit);
  }

  private String api() {
    return "the limit is " + limits.apiRate() + " a second, " + limits.apiBurst() + " at once";
  }

  private MutableHttpResponse<?> limited(
      HttpRequest<?> request, TokenBuckets buckets, String key, String who, String limit) {
    Duration wait = buckets.take(key, System.nanoTime());
    if (wait.isZero()) {
      return null;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return problems.handle(
        request,
        ApiProblem.tooManyRequests(
            "too many requests from " + who + ": " + limit + "; retry after " + seconds + " s",
            Duration.ofSeconds(seconds)));
  }

  private static String truncated(String source) {
    return source.length() > MAX_SOURCE_CHARS ? source.substring(0, MAX_SOURCE_CHARS) : source;
  }
}
