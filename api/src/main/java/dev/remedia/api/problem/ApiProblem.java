package dev.remedia.api.problem;

import io.micronaut.http.HttpStatus;
import java.time.Duration;

/** Thrown by services to answer with a problem+json; the detail says exactly what was wrong. */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final Duration retryAfter;

  private ApiProblem(HttpStatus status, String detail, Duration retryAfter, Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, detail, null, null);
  }

  /** The caller did not prove who it is; the detail says what was missing or wrong, never a secret. */
  public static ApiProblem unauthorized(String detail) {
    return new ApiProblem(HttpStatus.UNAUTHORIZED, detail, null, null);
  }

  /** The caller is known but may not do this; the detail says why. */
  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, detail, null, null);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, detail, null, null);
  }

  /** The request contradicts what already exists. */
  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, detail, null, null);
  }

  /** The caller sent more than its limit allows; it may try again after {@code retryAfter}. */
  public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
    return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, detail, retryAfter, null);
  }

  /** The request was fine but a dependency cannot take it now; the client should retry. */
  public static ApiProblem unavailable(String detail, Duration retryAfter, Throwable cause) {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfter, cause);
  }

  public HttpStatus status() {
    return status;
  }

  /** How long the client should wait before retrying, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
