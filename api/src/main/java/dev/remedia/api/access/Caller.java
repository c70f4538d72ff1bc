package dev.remedia.api.access;

import dev.remedia.api.problem.ApiProblem;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * Whoever a request to {@code /api} authenticated as: the token's id, name and role, and the person it
 * is bound to, if any. The access filter sets it on every request it lets through to {@code /api}.
 *
 * @param tokenId the token's id, or {@link AdminToken#NAME} for the admin token
 * @param person the person in the operator configuration the token acts as, or null
 */
public record Caller(String tokenId, String tokenName, Role role, String person) {

  static final String ATTRIBUTE = "remedia.caller";

  /** The caller of a request to {@code /api}. */
  public static Caller of(HttpRequest<?> request) {
    return request
        .getAttribute(ATTRIBUTE, Caller.class)
        .orElseThrow(() -> new IllegalStateException("no caller on " + request.getPath() + ": is the access filter on?"));
  }

  /** The token as the audit log names it: {@code token:<name>}. */
  public String tokenActor() {
    return "token:" + tokenName;
  }

  /** Who the caller is when it names nobody: its person, else its token. */
  public Actor actor() {
    return new Actor(person != null ? person : tokenActor(), this, false);
  }

  /**
   * Who an action is taken as when its body may name someone ({@code {"by": "alice"}}): a token bound
   * to a person acts as that person, and only an admin may name someone else (acting for them, which
   * the audit log records).
   *
   * @throws ApiProblem 403 when a token that is not admin names someone other than its person
   */
  public Actor acting(Optional<String> by) {
    if (by.isEmpty() || by.get().equals(person)) {
      return actor();
    }
    if (role != Role.ADMIN) {
      throw ApiProblem.forbidden(
          (person == null
                  ? "the token '" + tokenName + "' is not bound to a person"
                  : "the token '" + tokenName + "' acts as '" + person + "'")
              + ", so it cannot act as '" + by.get() + "'; only an admin token may act for someone else");
    }
    return new Actor(by.get(), this, true);
  }
}
