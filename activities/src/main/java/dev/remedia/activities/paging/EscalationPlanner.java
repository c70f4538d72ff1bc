package dev.remedia.activities.paging;

import dev.remedia.activities.TemporalJson;
import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.store.EscalationStatus;
import dev.remedia.activities.store.EscalationStore;
import dev.remedia.activities.store.NewEscalation;
import dev.remedia.activities.store.StoredEscalation;
import dev.remedia.workflows.paging.EscalationPlan;
import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.runbook.FailureType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Freezes an escalation's policy into its plan and gives it a reply code. The plan is stored with the
 * escalation, so a retry answers exactly what the first attempt answered, even if the configuration
 * changed in between.
 */
final class EscalationPlanner {

  private static final int FIRST_CODE = 1000;
  private static final int CODES = 9000;

  /** Random draws before picking among the free codes: enough while few escalations page at once. */
  private static final int RANDOM_DRAWS = 20;
  private static final int ATTEMPTS = 40;

  private final Supplier<OnCallDirectory> directory;
  private final EscalationStore escalations;
  private final RandomGenerator random;
  private final Clock clock;

  /** @param random shared by activity threads, so it must be thread-safe */
  EscalationPlanner(
      Supplier<OnCallDirectory> directory, EscalationStore escalations, RandomGenerator random, Clock clock) {
    this.directory = directory;
    this.escalations = escalations;
    this.random = random;
    this.clock = clock;
  }

  EscalationPlan plan(String escalationId, EscalationRequest request) {
    Optional<EscalationPlan> planned = stillPaging(escalationId);
    if (planned.isPresent()) {
      return planned.get();
    }
    EscalationPolicy policy =
        directory
            .get()
            .policy(request.policy())
            .orElseThrow(
                () -> FailureType.INVALID_INPUT.permanent("no escalation policy named '" + request.policy() + "'"));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String code = attempt < RANDOM_DRAWS ? draw() : drawFree();
      EscalationPlan plan =
          new EscalationPlan(
              policy.name(), policy.levels(), policy.repeat(), policy.finalAction(), policy.fallback(), code);
      NewEscalation escalation =
          new NewEscalation(
              escalationId, request.subjectId(), request.incidentId(), request.runId(), policy.name(),
              TemporalJson.write(plan), code, clock.instant());
      switch (escalations.start(escalation)) {
        case STARTED:
          return plan;
        case ALREADY_PAGING:
          return stillPaging(escalationId).orElseThrow();
        case REPLY_CODE_TAKEN:
          break;
      }
    }
    throw FailureType.SERVER_ERROR.retryable(
        "no free reply code after " + ATTEMPTS + " attempts: too many escalations are paging", null);
  }

  private Optional<EscalationPlan> stillPaging(String escalationId) {
    return escalations
        .find(escalationId)
        .filter(escalation -> escalation.status() == EscalationStatus.PAGING)
        .map(StoredEscalation::planJson)
        .map(json -> TemporalJson.read(json, EscalationPlan.class));
  }

  private String draw() {
    return String.valueOf(FIRST_CODE + random.nextInt(CODES));
  }

  /** A code no paging escalation held a moment ago; another escalation may still take it first. */
  private String drawFree() {
    Set<String> taken = escalations.replyCodesInUse();
    List<String> free =
        IntStream.range(FIRST_CODE, FIRST_CODE + CODES)
            .mapToObj(String::valueOf)
            .filter(code -> !taken.contains(code))
            .toList();
    if (free.isEmpty()) {
      throw FailureType.SERVER_ERROR.retryable(
          "all " + CODES + " reply codes are held by escalations still paging", null);
    }
    return free.get(random.nextInt(free.size()));
  }
}
