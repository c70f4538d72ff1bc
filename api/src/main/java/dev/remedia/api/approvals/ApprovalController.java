package dev.remedia.api.approvals;

import dev.remedia.api.access.Actor;
import dev.remedia.api.access.Caller;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.JsonBody;
import dev.remedia.api.requests.RemoteAddress;
import dev.remedia.workflows.approval.Vote;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Locale;
import java.util.Set;

/** Approval gates, and votes for people who are not in Slack. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApprovalController {

  private static final String EXAMPLE =
      "{\"decision\": \"approve\" or \"reject\", \"by\": \"<person>\", \"reason\": \"<why>\"}";
  private static final int MAX_NAME_CHARS = 100;
  private static final int MAX_REASON_CHARS = 2000;

  private final ApprovalReader reader;
  private final ApprovalDecisions decisions;

  ApprovalController(ApprovalReader reader, ApprovalDecisions decisions) {
    this.reader = reader;
    this.decisions = decisions;
  }

  /** Newest first; {@code status} (PENDING, APPROVED, REJECTED, EXPIRED, CANCELLED), {@code limit}, {@code cursor}. */
  @Get("/approvals")
  ApprovalView.Listing list(
      @Nullable @QueryValue String status, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
    return reader.list(status == null ? null : status.toUpperCase(Locale.ROOT), limit, cursor);
  }

  @Get("/approvals/{id}")
  ApprovalView find(@PathVariable String id) {
    return reader.find(id);
  }

  /**
   * Votes for the person named, or the person the token is bound to; only an admin token may name
   * someone else. The gate decides whether they may: 403 for someone outside the approver group or the
   * requester, 409 for a second vote or a gate already decided or expired.
   */
  @Post("/approvals/{id}/decision")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  ApprovalView.Counted decide(@PathVariable String id, @Nullable @Body String body, HttpRequest<?> request) {
    JsonBody json = JsonBody.parse(body, Set.of("decision", "by", "reason"), EXAMPLE);
    Vote vote = vote(json);
    Caller caller = Caller.of(request);
    var named = json.text("by", MAX_NAME_CHARS, false);
    Actor actor = caller.acting(named);
    if (named.isEmpty() && caller.person() == null) {
      throw ApiProblem.badRequest(
          "'by' is required: the person who decides, as in the on-call configuration (or use a token bound to a person)");
    }
    String reason = json.text("reason", MAX_REASON_CHARS, true).orElse(null);
    DecisionOutcome outcome = decisions.decide(id, actor, vote, reason, RemoteAddress.of(request));
    return switch (outcome.kind()) {
      case ACCEPTED -> new ApprovalView.Counted(
          id, outcome.result().status().name(), outcome.result().approvals(), outcome.result().required(),
          outcome.message());
      case FORBIDDEN -> throw ApiProblem.forbidden(outcome.message());
      case CONFLICT -> throw ApiProblem.conflict(outcome.message());
      case INVALID -> throw ApiProblem.badRequest(outcome.message());
      case NOT_FOUND -> throw ApiProblem.notFound(outcome.message());
    };
  }

  private static Vote vote(JsonBody json) {
    String decision =
        json.text("decision", 10, false)
            .orElseThrow(() -> ApiProblem.badRequest("'decision' is required: approve or reject"));
    return switch (decision.toLowerCase(Locale.ROOT)) {
      case "approve" -> Vote.APPROVE;
      case "reject" -> Vote.REJECT;
      default -> throw ApiProblem.badRequest("'decision' must be approve or reject, not '" + decision + "'");
    };
  }
}
