package dev.remedia.api.access;

import dev.remedia.api.requests.RemoteAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** API tokens; admin only, as {@link AccessPolicy} says for everything under /api/tokens. */
@Controller("/api/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController {

  private final ApiTokens tokens;

  TokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** Creates a token: {"name": "ci-bot", "role": "viewer", "person": "alice"}. 201 with its value, once. */
  @Post
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  HttpResponse<TokenCreated> create(@Nullable @Body String body, HttpRequest<?> request) {
    return HttpResponse.created(tokens.create(body, Caller.of(request).actor(), RemoteAddress.of(request)));
  }

  /** Every token, revoked ones too, newest first. */
  @Get
  TokenView.Listing list() {
    return new TokenView.Listing(tokens.list());
  }

  @Delete("/{id}")
  HttpResponse<Void> revoke(@PathVariable String id, HttpRequest<?> request) {
    tokens.revoke(id, Caller.of(request).actor(), RemoteAddress.of(request));
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }
}
