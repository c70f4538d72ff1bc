package dev.remedia.activities.paging;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.EscalationPlan;
import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.PageRequest;
import dev.remedia.workflows.paging.PagingActivities;
import dev.remedia.workflows.paging.Recipient;
import dev.remedia.workflows.paging.Settlement;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Paging over the configured channels, journaled in PostgreSQL.
 *
 * <p>The send activity waits for its turn in the {@link PagingOutbox} for at most
 * {@link Pacing#maxQueueWait} without heartbeating, so its start-to-close timeout must exceed that
 * wait plus one channel call (60 s plus the adapter's own timeout with {@link Pacing#STANDARD}). A
 * shorter timeout would let Temporal retry a send whose first attempt is still under way.
 */
public final class PagingActivitiesImpl implements PagingActivities {

  /** What a retried send needs before its deadline: a backoff, a turn in its lane, the channel call. */
  static final Duration RETRY_NEEDS = Duration.ofMinutes(2);

  private final EscalationPlanner planner;
  private final RecipientResolver recipients;
  private final PageDispatcher dispatcher;
  private final LevelSender levelSender;
  private final SettlementNotifier notifier;
  private final PagingStores stores;
  private final Clock clock;

  /**
   * @param directory the current on-call configuration, read on every call so a reload takes effect
   * @param senders the configured channels; in dev mode CONSOLE stands in for those missing
   * @param counters where the outcome of each send is counted
   */
  public PagingActivitiesImpl(
      Supplier<OnCallDirectory> directory,
      PagingStores stores,
      Map<PageChannel, PageSender> senders,
      Pacing pacing,
      RemediaCounters counters,
      Clock clock) {
    this(directory, stores, senders, new PagingOutbox(pacing, PageGate.stored(stores.pages())), counters, clock);
  }

  PagingActivitiesImpl(
      Supplier<OnCallDirectory> directory,
      PagingStores stores,
      Map<PageChannel, PageSender> senders,
      PagingOutbox outbox,
      RemediaCounters counters,
      Clock clock) {
    this.planner = new EscalationPlanner(directory, stores.escalations(), new SecureRandom(), clock);
    this.recipients = new RecipientResolver(directory, stores.optOuts(), senders.keySet());
    this.dispatcher = new PageDispatcher(stores.pages(), stores.optOuts(), senders, outbox, counters, clock);
    this.levelSender = new LevelSender(dispatcher);
    this.notifier = new SettlementNotifier(stores.escalations(), stores.pages(), senders, outbox, clock);
    this.stores = stores;
    this.clock = clock;
  }

  @Override
  public EscalationPlan plan(String escalationId, EscalationRequest request) {
    return planner.plan(escalationId, request);
  }

  @Override
  public List<Recipient> recipients(String escalationId, EscalationLevel level, long atMillis) {
    return recipients.resolve(level, Instant.ofEpochMilli(atMillis));
  }

  @Override
  public PageOutcome send(PageRequest page) {
    return dispatcher.send(page, lastChance(activity()));
  }

  @Override
  public List<PageOutcome> sendLevel(List<PageRequest> pages) {
    Optional<ActivityExecutionContext> activity = activity();
    return levelSender.send(pages, lastChance(activity), movedOnReports(activity));
  }

  @Override
  public List<PageOutcome> sendLevelAt(List<PageRequest> pages, long dueAtMillis) {
    // Bounded, so a clock far off the workflow's (or a time-skipping test) cannot hold the send.
    long early = Math.min(dueAtMillis - clock.millis(), DISPATCH_AHEAD.toMillis());
    if (early > 0) {
      try {
        Thread.sleep(early);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
    }
    return sendLevel(pages);
  }

  /** The running activity's context; empty when called directly, as tests do. */
  private static Optional<ActivityExecutionContext> activity() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (IllegalStateException notInAnActivity) {
      return Optional.empty();
    }
  }

  /** Tells the escalation that scheduled the send of each page that moves on, by its delivery signal. */
  private static Consumer<PageOutcome> movedOnReports(Optional<ActivityExecutionContext> activity) {
    return activity
        .<Consumer<PageOutcome>>map(
            context -> EscalationReports.to(context.getWorkflowClient(), context.getInfo().getWorkflowId()))
        .orElse(outcome -> {});
  }

  /**
   * Whether a retry of the running send could no longer finish before its schedule-to-close deadline:
   * a retry waits out its backoff (up to 30 s) and its lane (up to a minute) before the channel call.
   * Outside an activity (a direct call) there is no deadline.
   */
  private static BooleanSupplier lastChance(Optional<ActivityExecutionContext> activity) {
    if (activity.isEmpty()) {
      return () -> false;
    }
    ActivityInfo info = activity.get().getInfo();
    if (info.getScheduleToCloseTimeout().isZero()) {
      return () -> false;
    }
    Instant lastChanceFrom =
        Instant.ofEpochMilli(info.getScheduledTimestamp())
            .plus(info.getScheduleToCloseTimeout())
            .minus(RETRY_NEEDS);
    // Wall time, as Temporal's: the deadline is the server's, not the injected clock's.
    return () -> !Instant.now().isBefore(lastChanceFrom);
  }

  @Override
  public void stop(String escalationId, Settlement settlement) {
    notifier.stop(escalationId, settlement);
  }

  @Override
  public void settled(String escalationId, Settlement settlement) {
    notifier.settled(escalationId, settlement);
  }

  @Override
  public void exhausted(String escalationId, FinalAction action) {
    stores.escalations().exhaust(escalationId, action, clock.instant());
  }

  /** Keyed by the activity's workflow run and activity id, which a retry keeps: a note lands once. */
  @Override
  public void note(String escalationId, String kind, String detail) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    stores
        .escalations()
        .note(escalationId, info.getRunId() + "/" + info.getActivityId(), kind, detail, clock.instant());
  }
}
