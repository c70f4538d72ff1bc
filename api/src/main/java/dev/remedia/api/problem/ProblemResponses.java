package dev.remedia.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * The one place where errors become HTTP answers: every error, Micronaut's own (bad JSON, unknown
 * route, wrong media type, oversized body) and Remedia's {@link ApiProblem}s, is answered as
 * {@code application/problem+json}. Unexpected errors never show their internals to the client.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
@Produces(Problem.MEDIA_TYPE)
public class ProblemResponses
    implements ErrorResponseProcessor<Problem>, ExceptionHandler<ApiProblem, HttpResponse<Problem>> {

  private static final String UNEXPECTED =
      "Remedia hit an unexpected error while answering; the server log has the details.";

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.status();
    String detail =
        status.getCode() >= 500
            ? UNEXPECTED
            : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    return problem(response, context.getRequest(), status, detail);
  }

  @Override
  public MutableHttpResponse<Problem> handle(HttpRequest request, ApiProblem exception) {
    MutableHttpResponse<Problem> response =
        problem(HttpResponse.status(exception.status()), request, exception.status(), exception.getMessage());
    if (exception.retryAfter() != null) {
      response.header("Retry-After", String.valueOf(exception.retryAfter().toSeconds()));
    }
    return response;
  }

  @SuppressWarnings("unchecked")
  private static MutableHttpResponse<Problem> problem(
      MutableHttpResponse<?> response, HttpRequest<?> request, HttpStatus status, String detail) {
    if (request.getMethod() == HttpMethod.HEAD) {
      return (MutableHttpResponse<Problem>) response;
    }
    Problem problem =
        new Problem(
            "about:blank",
            status.getReason(),
            status.getCode(),
            detail == null || detail.isBlank() ? null : detail,
            request.getPath());
    return ((MutableHttpResponse<Problem>) response).body(problem).contentType(Problem.MEDIA_TYPE);
  }
}
