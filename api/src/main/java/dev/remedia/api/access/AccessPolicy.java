package dev.remedia.api.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which role a request needs, decided from its method and path alone, so that a route added later
 * falls under the defaults without anyone remembering to protect it:
 *
 * <ul>
 *   <li>{@code /api/tokens} and everything under it: admin;
 *   <li>{@code POST /api/approvals/{id}/decision}: approver;
 *   <li>any other GET, HEAD or OPTIONS under {@code /api}: viewer;
 *   <li>any other method under {@code /api}: operator;
 *   <li>{@code /metrics}: viewer when {@code remedia.metrics.require-token} is true;
 *   <li>everything else (webhooks, Slack and Twilio callbacks, {@code /health}): no API token; those
 *       routes verify their callers themselves or reveal nothing.
 * </ul>
 *
 * The path may be a request's path or a route's template ({@code /api/approvals/{id}/decision}); the
 * filter passes the template of the route that matched, so the decision is about the route that will
 * run, whatever spelling of the path reached it.
 */
@Singleton
public class AccessPolicy {

  private static final List<HttpMethod> READS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final boolean metricsRequireToken;

  public AccessPolicy(@Value("${remedia.metrics.require-token:false}") boolean metricsRequireToken) {
    this.metricsRequireToken = metricsRequireToken;
  }

  /** The role the request needs, or empty when it needs no API token. */
  public Optional<Role> required(HttpMethod method, String path) {
    List<String> segments = segments(path);
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    String first = segments.get(0);
    if (first.equals("metrics")) {
      return metricsRequireToken ? Optional.of(Role.VIEWER) : Optional.empty();
    }
    if (!first.equals("api")) {
      return Optional.empty();
    }
    if (segments.size() >= 2 && segments.get(1).equals("tokens")) {
      return Optional.of(Role.ADMIN);
    }
    if (method == HttpMethod.POST
        && segments.size() == 4
        && segments.get(1).equals("approvals")
        && segments.get(3).equals("decision")) {
      return Optional.of(Role.APPROVER);
    }
    return Optional.of(READS.contains(method) ? Role.VIEWER : Role.OPERATOR);
  }

  /**
   * The path's segments, lower-cased, without empty ones, so that {@code //API/tokens/} is judged as
   * {@code /api/tokens}: a spelling the router might still accept must never need less.
   */
  private static List<String> segments(String path) {
    String withoutQuery = path.split("[?#]", 2)[0];
    return Arrays.stream(withoutQuery.split("/"))
        .filter(segment -> !segment.isEmpty())
        .map(segment -> segment.toLowerCase(Locale.ROOT))
        .toList();
  }
}
