package dev.remedia.workflows.paging;

import dev.remedia.workflows.incident.IncidentWorkflow;
import dev.remedia.workflows.runbook.Failures;
import dev.remedia.workflows.runbook.JournalOptions;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks the plan's levels with durable timers. Sends run beside the level's timer, never in its way:
 * a slow or failing channel cannot stall the escalation, and a failure reported by a send or by the
 * channel later moves that recipient to their next contact at once.
 */
public class EscalationWorkflowImpl implements EscalationWorkflow {

  /**
   * Bookkeeping against the read model (plan, recipients, stop, note, exhausted), retried for as long
   * as PostgreSQL takes to come back. Local activities: each is a few milliseconds of SQL, and as
   * activity tasks every one cost two trips through Temporal's task queues, which under a storm of
   * incidents waited seconds each and made the levels fire late.
   */
  private PagingActivities records;

  // A page that cannot be sent in ten minutes is worth less than the next contact or level.
  private final PagingActivities sender =
      Workflow.newActivityStub(
          PagingActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(PacedQueue.of(Workflow.getInfo().getTaskQueue()))
              .setStartToCloseTimeout(Duration.ofSeconds(90))
              .setScheduleToCloseTimeout(Duration.ofMinutes(10))
              .setRetryOptions(retryUpTo(Duration.ofSeconds(30)))
              .build());

  // Telling those already paged must not hold the escalation open forever if Slack is gone.
  private final PagingActivities notifier =
      Workflow.newActivityStub(
          PagingActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(PacedQueue.of(Workflow.getInfo().getTaskQueue()))
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setScheduleToCloseTimeout(Duration.ofHours(1))
              .setRetryOptions(retryUpTo(Duration.ofMinutes(1)))
              .build());

  /** Escalations recorded before this started a timer each time they woke up during a level. */
  private static final String ONE_TIMER_PER_LEVEL = "one-timer-per-level";

  /** Escalations recorded before this ran their bookkeeping as activity tasks. */
  private static final String LOCAL_BOOKKEEPING = "local-bookkeeping";

  /** Escalations recorded before this sent each recipient's first page with an activity of its own. */
  private static final String ONE_SEND_PER_LEVEL = "one-send-per-level";

  /** Escalations recorded before this scheduled each level's send when the level was due, not ahead. */
  private static final String LEVELS_AHEAD = "levels-dispatched-ahead";

  /** Escalations recorded before {@code stop} existed went straight to {@code settled}. */
  private static final String STOP_BEFORE_TELLING = "stop-before-telling";

  /** A send still in flight when someone settles is either withdrawn or done well within this. */
  private static final Duration SENDS_SETTLE_WITHIN = Duration.ofMinutes(2);

  private final Deque<PageOutcome> outcomes = new ArrayDeque<>();
  private final Map<String, Attempt> attempts = new HashMap<>();
  private Settlement settlement;
  private String escalationId;
  private EscalationRequest request;
  private EscalationPlan plan;
  private int pagesSent;
  private int sendsInFlight;
  private int currentRound;
  private int currentLevel;
  /** When the current level ends, in workflow time; 0 before the first level. */
  private long levelEndsAt;
  /** Whether each level's send is scheduled {@link PagingActivities#DISPATCH_AHEAD} of its due time. */
  private boolean levelsAhead;

  @Override
  public void settle(Settlement settlement) {
    if (this.settlement == null) {
      this.settlement = settlement;
    }
  }

  @Override
  public void delivery(PageOutcome outcome) {
    outcomes.add(outcome);
  }

  @Override
  public EscalationResult run(EscalationRequest request) {
    this.request = request;
    escalationId = Workflow.getInfo().getWorkflowId();
    records = bookkeeping();
    plan = records.plan(escalationId, request);
    levelsAhead = Workflow.getVersion(LEVELS_AHEAD, Workflow.DEFAULT_VERSION, 1) >= 1;
    boolean fallback = plan.finalAction() == FinalAction.NOTIFY_FALLBACK && plan.fallback() != null;
    int levels = plan.levels().size();
    for (int round = 0; round <= plan.repeat() && settlement == null; round++) {
      for (int level = 0; level < levels && settlement == null; level++) {
        boolean last = round == plan.repeat() && level == levels - 1;
        page(round, level, plan.levels().get(level), !last || fallback);
      }
    }
    if (settlement == null && fallback) {
      page(plan.repeat() + 1, -1, plan.fallback(), false);
    }
    awaitLastSends();
    if (settlement == null) {
      records.exhausted(escalationId, plan.finalAction());
      return new EscalationResult(null, pagesSent);
    }
    stopPaging();
    return new EscalationResult(settlement, pagesSent);
  }

  /**
   * Pages one level, then waits out its delay unless someone settles first. With levels dispatched
   * ahead, the wait ends {@link PagingActivities#DISPATCH_AHEAD} before the next level is due, and the
   * next level's send waits for the rest: the level's pages go out on time even when the workflow task
   * and the activity task wait their turn in a storm.
   */
  private void page(int round, int level, EscalationLevel definition, boolean anotherLevelFollows) {
    currentRound = round;
    currentLevel = level;
    long deadline = now() + definition.delaySeconds() * 1000;
    long dueAt = levelEndsAt == 0 ? Workflow.getInfo().getRunStartedTimestampMillis() : levelEndsAt;
    List<Recipient> recipients = records.recipients(escalationId, definition, now());
    boolean oneSendForTheLevel = Workflow.getVersion(ONE_SEND_PER_LEVEL, Workflow.DEFAULT_VERSION, 1) >= 1;
    List<Attempt> firstPages = new ArrayList<>();
    for (Recipient recipient : recipients) {
      for (String skipped : recipient.skipped()) {
        records.note(escalationId, "page-skipped", recipient.key() + ": " + skipped);
      }
      if (recipient.contacts().isEmpty()) {
        records.note(escalationId, "page-unreachable", recipient.key() + " has no contact to page");
      } else if (settlement == null) {
        Attempt first = new Attempt(recipient, 0, round, level);
        if (oneSendForTheLevel) {
          firstPages.add(first);
        } else {
          send(first);
        }
      }
    }
    if (!firstPages.isEmpty()) {
      sendLevel(firstPages, dueAt);
    }
    if (Workflow.getVersion(ONE_TIMER_PER_LEVEL, Workflow.DEFAULT_VERSION, 1) >= 1) {
      levelEndsAt = dueAt + definition.delaySeconds() * 1000;
      boolean ahead = levelsAhead && anotherLevelFollows;
      awaitLevelEnd(ahead ? levelEndsAt - PagingActivities.DISPATCH_AHEAD.toMillis() : levelEndsAt);
      return;
    }
    while (settlement == null) {
      long remaining = deadline - now();
      if (remaining <= 0) {
        break;
      }
      Workflow.await(Duration.ofMillis(remaining), () -> settlement != null || !outcomes.isEmpty());
      while (settlement == null && !outcomes.isEmpty()) {
        handle(outcomes.poll());
      }
    }
  }

  /**
   * Waits out the level on one timer, handling outcomes as they come. Levels end at fixed offsets from
   * the escalation's start, the sum of the delays so far: a level that fired late (its recipients or
   * sends waited for a busy worker) does not push the later ones back, and after an outage the levels
   * overdue by then are paged at once, in order. A timed await per outcome
   * started and cancelled a timer each time a send reported, which at a thousand escalations was
   * thousands of needless timer commands.
   */
  private void awaitLevelEnd(long deadline) {
    long remaining = deadline - now();
    if (remaining <= 0) {
      return;
    }
    // Never cancelled: a settlement that races the timer's firing would otherwise cancel a timer the
    // server has already fired. Left running, it fires into a finished level, or the workflow ends first.
    Promise<Void> levelEnd = Workflow.newTimer(Duration.ofMillis(remaining));
    while (settlement == null && !levelEnd.isCompleted()) {
      Workflow.await(() -> settlement != null || !outcomes.isEmpty() || levelEnd.isCompleted());
      while (settlement == null && !outcomes.isEmpty()) {
        handle(outcomes.poll());
      }
    }
  }

  /**
   * Lets the last level's sends finish, moving failures on to the next contact, before the escalation
   * is marked exhausted. Marking it withdraws every page still queued, and the fallback level has no
   * delay at all: without this its page raced the marking and the next contact was never tried. Each
   * send gives up within its schedule-to-close timeout, and contacts are finite, so this ends.
   */
  private void awaitLastSends() {
    while (settlement == null && (sendsInFlight > 0 || !outcomes.isEmpty())) {
      Workflow.await(() -> settlement != null || !outcomes.isEmpty());
      while (settlement == null && !outcomes.isEmpty()) {
        handle(outcomes.poll());
      }
    }
  }

  /** Starts a send in the background; its outcome comes back through {@link #outcomes}. */
  private void send(Attempt attempt) {
    send(pageRequest(attempt));
  }

  private void send(PageRequest page) {
    sendsInFlight++;
    Promise<PageOutcome> sent = Async.function(sender::send, page);
    sent.handle(
        (outcome, failure) -> {
          sendsInFlight--;
          outcomes.add(failure == null ? outcome : failed(page, failure));
          return null;
        });
  }

  /**
   * Starts the level's first pages in one activity in the background. Their outcomes come back through
   * {@link #outcomes}: those that move on at once by signal, all of them when the activity ends. When
   * the activity gives up (the read model down past its deadline), some of its pages may have gone
   * out: each goes to a send of its own under the same page id, which answers what was recorded and
   * sends only what was not. Counting them all as failed would page the next contacts of people
   * already paged.
   */
  private void sendLevel(List<Attempt> firstPages, long dueAt) {
    List<PageRequest> pages = firstPages.stream().map(this::pageRequest).toList();
    sendsInFlight++;
    Promise<List<PageOutcome>> sent =
        levelsAhead ? Async.function(sender::sendLevelAt, pages, dueAt) : Async.function(sender::sendLevel, pages);
    sent.handle(
        (results, failure) -> {
          sendsInFlight--;
          if (failure == null) {
            outcomes.addAll(results);
          } else {
            pages.forEach(this::send);
          }
          return null;
        });
  }

  /** A new page for the attempt, known to the escalation by its id. */
  private PageRequest pageRequest(Attempt attempt) {
    String pageId = Workflow.randomUUID().toString();
    attempts.put(pageId, attempt);
    return new PageRequest(
        pageId, escalationId, request.incidentId(), attempt.round, attempt.level,
        attempt.recipient.person(), attempt.contact(), request.summary(), request.severity(),
        request.link(), plan.replyCode());
  }

  private static PageOutcome failed(PageRequest page, Throwable failure) {
    return new PageOutcome(page.pageId(), PageDelivery.FAILED, Failures.reason(failure));
  }

  private void handle(PageOutcome outcome) {
    Attempt attempt = attempts.get(outcome.pageId());
    if (attempt == null) {
      return;
    }
    switch (outcome.delivery()) {
      case SENT, ROLLED_UP -> pagesSent++;
      default -> {}
    }
    if (!outcome.delivery().movesOn() || attempt.movedOn) {
      return;
    }
    attempt.movedOn = true;
    Contact failed = attempt.contact();
    records.note(
        escalationId,
        "page-" + outcome.delivery().name().toLowerCase(Locale.ROOT),
        attempt.recipient.key() + " over " + failed.channel().name().toLowerCase(Locale.ROOT)
            + (outcome.detail() == null ? "" : ": " + outcome.detail()));
    boolean stillThisLevel = attempt.round == currentRound && attempt.level == currentLevel;
    if (stillThisLevel && attempt.contactIndex + 1 < attempt.recipient.contacts().size()) {
      send(new Attempt(attempt.recipient, attempt.contactIndex + 1, attempt.round, attempt.level));
    }
  }

  /**
   * Records the settlement, which withdraws every page still queued, then tells those already paged,
   * then tells the incident when a page was answered. Sends are not cancelled: one may be reaching the
   * channel at this moment, so the escalation waits for those in flight and tells their recipients too.
   */
  private void stopPaging() {
    boolean sendsWereInFlight = sendsInFlight > 0;
    if (Workflow.getVersion(STOP_BEFORE_TELLING, Workflow.DEFAULT_VERSION, 1) >= 1) {
      records.stop(escalationId, settlement);
    }
    tellThosePaged();
    if (sendsWereInFlight) {
      Workflow.await(SENDS_SETTLE_WITHIN, () -> sendsInFlight == 0);
      tellThosePaged();
    }
    if (settlement.fromPage() && request.incidentWorkflowId() != null) {
      try {
        Workflow.newExternalWorkflowStub(IncidentWorkflow.class, request.incidentWorkflowId())
            .settle(request.incidentId(), settlement);
      } catch (TemporalFailure failure) {
        records.note(escalationId, "incident-not-told", Failures.reason(failure));
      }
    }
  }

  private void tellThosePaged() {
    try {
      notifier.settled(escalationId, settlement);
    } catch (TemporalFailure failure) {
      // The settlement stands even when the channels could not be updated; the notes say so.
      records.note(escalationId, "settle-notice-failed", Failures.reason(failure));
    }
  }

  private static PagingActivities bookkeeping() {
    if (Workflow.getVersion(LOCAL_BOOKKEEPING, Workflow.DEFAULT_VERSION, 1) >= 1) {
      return Workflow.newLocalActivityStub(PagingActivities.class, JournalOptions.retryingWithoutEnd());
    }
    return Workflow.newActivityStub(
        PagingActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(retryUpTo(Duration.ofMinutes(1)))
            .build());
  }

  private static RetryOptions retryUpTo(Duration maximumInterval) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofMillis(500))
        .setMaximumInterval(maximumInterval)
        .build();
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }

  /** One recipient tried over one of their contacts, at one level of one round. */
  private static final class Attempt {
    final Recipient recipient;
    final int contactIndex;
    final int round;
    final int level;
    boolean movedOn;

    Attempt(Recipient recipient, int contactIndex, int round, int level) {
      this.recipient = recipient;
      this.contactIndex = contactIndex;
      this.round = round;
      this.level = level;
    }

    Contact contact() {
      return recipient.contacts().get(contactIndex);
    }
  }
}
