package dev.remedia.api.access;

import dev.remedia.api.config.LimitSettings;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.problem.ProblemResponses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that takes longer than {@code remedia.limits.request-timeout} with 503 and
 * {@code Retry-After}, so a caller never waits on a stuck dependency longer than that. The handler is
 * not interrupted (it may be half-way through a write that must finish); its late answer is dropped.
 * A connection on which nothing happens is closed by Micronaut's {@code micronaut.server.idle-timeout},
 * set in application.yml above this limit.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class RequestTimeLimit implements HttpServerFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestTimeLimit.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final Duration limit;
  private final ProblemResponses problems;

  RequestTimeLimit(LimitSettings limits, ProblemResponses problems) {
    this.limit = limits.requestTimeout();
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    if (limit.isZero()) {
      return chain.proceed(request);
    }
    CompletableFuture<MutableHttpResponse<?>> answer = new CompletableFuture<>();
    chain.proceed(request).subscribe(new FirstResponse(answer));
    return Publishers.fromCompletableFuture(
        answer
            .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
            .handle(
                (response, error) -> {
                  if (error instanceof TimeoutException) {
                    LOG.warn("{} {} took longer than {}; answered 503", request.getMethod(), request.getPath(), limit);
                    return problems.handle(
                        request,
                        ApiProblem.unavailable(
                            "Remedia could not answer within " + limit.toSeconds() + " s; try again",
                            RETRY_AFTER, null));
                  }
                  if (error != null) {
                    throw error instanceof CompletionException completion ? completion : new CompletionException(error);
                  }
                  return response;
                }));
  }

  /** Completes the future with the chain's one response, or its error. */
  private record FirstResponse(CompletableFuture<MutableHttpResponse<?>> answer)
      implements Subscriber<MutableHttpResponse<?>> {

    @Override
    public void onSubscribe(Subscription subscription) {
      subscription.request(1);
    }

    @Override
    public void onNext(MutableHttpResponse<?> response) {
      answer.complete(response);
    }

    @Override
    public void onError(Throwable error) {
      answer.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      answer.completeExceptionally(new IllegalStateException("the request was completed without a response"));
    }
  }
}
