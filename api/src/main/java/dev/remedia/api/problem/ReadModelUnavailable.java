package dev.remedia.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL failing under a request is an outage to retry through, not a client error or a 500. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class ReadModelUnavailable implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelUnavailable.class);

  private final ProblemResponses problems;

  ReadModelUnavailable(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
    LOG.error("PostgreSQL failed under {} {}", request.getMethod(), request.getPath(), exception);
    return problems.handle(request, problem(exception));
  }

  /** The 503 for a PostgreSQL failure, for code that catches it before an exception handler would. */
  public static ApiProblem problem(DataAccessException exception) {
    return ApiProblem.unavailable(
        "the read model (PostgreSQL) is unavailable; try again", Duration.ofSeconds(5), exception);
  }
}
