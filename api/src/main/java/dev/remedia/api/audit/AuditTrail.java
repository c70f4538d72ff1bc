package dev.remedia.api.audit;

import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.AuditLog.AuditEntry;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.access.Actor;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what people and outside systems did to the audit log. A write that fails is logged, never
 * turned into the caller's error: by then the action has happened, or a refusal must still be answered.
 */
@Singleton
public class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final AuditLog log;
  private final JsonMapper json;
  private final Clock clock = Clock.systemUTC();

  public AuditTrail(AuditLog log, JsonMapper json) {
    this.log = log;
    this.json = json;
  }

  /**
   * One entry for an action taken through the API: the actor is who it was taken as, and the detail
   * also names the token that asked, and whom an admin token acted for.
   */
  public void record(
      Actor actor, String action, String objectType, String objectId, String remoteAddress,
      String outcome, Map<String, ?> detail) {
    record(actor.name(), action, objectType, objectId, remoteAddress, outcome, actor.auditDetail(detail));
  }

  /**
   * One entry: who did what to which object, from where, with what outcome.
   *
   * @param detail more facts as a JSON object (a reason, a refusal's cause), or empty
   */
  public void record(
      String actor, String action, String objectType, String objectId, String remoteAddress,
      String outcome, Map<String, ?> detail) {
    try {
      log.append(
          new AuditEntry(
              clock.instant(), actor, action, objectType, objectId, remoteAddress, outcome,
              detail.isEmpty() ? null : json.writeValueAsString(detail)));
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "{} by {} on {} {} from {} ({}) could not be audited: {}",
          action, actor, objectType, objectId, remoteAddress, outcome, e.getMessage());
    }
  }

  /**
   * An action the API turned down: the outcome says how ({@code invalid}, {@code forbidden},
   * {@code not-found}, {@code refused} for a conflict, {@code unavailable}), the detail's
   * {@code reason} is what the caller was told.
   */
  public void refused(
      String actor, String action, String objectType, String objectId, String remoteAddress, ApiProblem problem) {
    record(actor, action, objectType, objectId, remoteAddress, outcomeOf(problem), Map.of("reason", problem.getMessage()));
  }

  /** {@link #refused(String, String, String, String, String, ApiProblem)} for an action taken through the API. */
  public void refused(
      Actor actor, String action, String objectType, String objectId, String remoteAddress, ApiProblem problem) {
    record(
        actor, action, objectType, objectId, remoteAddress, outcomeOf(problem), Map.of("reason", problem.getMessage()));
  }

  private static String outcomeOf(ApiProblem problem) {
    return switch (problem.status()) {
      case BAD_REQUEST -> "invalid";
      case UNAUTHORIZED, FORBIDDEN -> "forbidden";
      case NOT_FOUND -> "not-found";
      case CONFLICT -> "refused";
      case SERVICE_UNAVAILABLE -> "unavailable";
      default -> "failed";
    };
  }
}
