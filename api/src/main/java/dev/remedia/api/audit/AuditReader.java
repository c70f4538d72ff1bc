package dev.remedia.api.audit;

import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditPage;
import dev.remedia.activities.store.AuditQuery;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.query.QueryParameters;
import dev.remedia.api.query.StoredJson;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Answers audit queries from the log, turning query parameters into a checked {@link AuditQuery}. */
@Singleton
class AuditReader {

  // The widths of audit_log's columns: longer text cannot match, and is refused as a mistake.
  private static final int ACTOR_CHARS = 200;
  private static final int ACTION_CHARS = 100;
  private static final int OBJECT_TYPE_CHARS = 64;
  private static final int OBJECT_ID_CHARS = 200;
  private static final int OUTCOME_CHARS = 32;

  private final AuditLog log;
  private final StoredJson json;

  AuditReader(AuditLog log, StoredJson json) {
    this.log = log;
    this.json = json;
  }

  /** @param action an action, or a prefix of actions ending in {@code *} ({@code run.*}) */
  AuditView.Page list(
      String actor, String action, String objectType, String objectId, String outcome, String from,
      String to, String limit, String cursor) {
    String actionText = QueryParameters.text("action", action, ACTION_CHARS);
    boolean prefix = actionText != null && actionText.endsWith("*");
    if (actionText != null && actionText.indexOf('*') >= 0 && actionText.indexOf('*') < actionText.length() - 1) {
      throw ApiProblem.badRequest("action may end in one * for a prefix, like run.*; no other * (got '" + action + "')");
    }
    Instant fromTime = QueryParameters.storedInstant("from", from);
    Instant toTime = QueryParameters.storedInstant("to", to);
    if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
      throw ApiProblem.badRequest("from must not be after to (got " + from + " and " + to + ")");
    }
    AuditQuery query =
        new AuditQuery(
            QueryParameters.text("actor", actor, ACTOR_CHARS),
            prefix ? null : actionText,
            prefix ? actionText.substring(0, actionText.length() - 1) : null,
            QueryParameters.text("objectType", objectType, OBJECT_TYPE_CHARS),
            QueryParameters.text("objectId", objectId, OBJECT_ID_CHARS),
            QueryParameters.text("outcome", outcome, OUTCOME_CHARS),
            fromTime,
            toTime,
            QueryParameters.limit(limit, AuditQuery.MAX_LIMIT),
            QueryParameters.cursor(cursor));
    AuditPage page = QueryParameters.listed(() -> log.list(query));
    return new AuditView.Page(
        page.entries().stream()
            .map(
                logged ->
                    new AuditView(
                        logged.id(),
                        logged.entry().at(),
                        logged.entry().actor(),
                        logged.entry().action(),
                        logged.entry().objectType(),
                        logged.entry().objectId(),
                        logged.entry().remoteAddress(),
                        logged.entry().outcome(),
                        json.tree(logged.entry().detailJson())))
            .toList(),
        page.next() == null ? null : page.next().encode());
  }
}
