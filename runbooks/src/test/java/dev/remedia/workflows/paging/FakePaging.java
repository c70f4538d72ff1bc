package dev.remedia.workflows.paging;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Paging activities for workflow tests: every target is a person with the level's channels as
 * contacts, addressed by {@code <person>@<channel>}; each send is recorded with the test clock's time.
 * A contact can be told to fail, to have opted out, or to go unanswered.
 */
public final class FakePaging implements PagingActivities {

  public record Sent(PageRequest page, long atMillis) {
    String address() {
      return page.contact().address();
    }
  }

  private final LongSupplier clock;
  private final EscalationPlan plan;
  private final Map<String, PageDelivery> outcomes = new HashMap<>();
  private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
  private final List<Settlement> settled = Collections.synchronizedList(new ArrayList<>());
  private final List<String> settleCalls = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
  private final List<FinalAction> exhausted = Collections.synchronizedList(new ArrayList<>());
  private volatile long exhaustedAtMillis;
  private final List<String> lookups = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger levelSends = new AtomicInteger();
  private final List<Long> levelsDue = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> levelsDispatchedAt = Collections.synchronizedList(new ArrayList<>());

  private volatile Duration planTakes = Duration.ZERO;
  private volatile boolean levelSendsGiveUp;

  public FakePaging(LongSupplier clock, EscalationPlan plan) {
    this.clock = clock;
    this.plan = plan;
  }

  /**
   * Registers these activities on the worker of {@code queue} and on its paced queue, where the
   * escalation schedules its sends and notices, as Remedia's worker does.
   */
  public void registerOn(TestWorkflowEnvironment env, String queue, Worker worker) {
    worker.registerActivitiesImplementations(this);
    PacedQueue.newWorker(env.getWorkerFactory(), queue).registerActivitiesImplementations(this);
  }

  /** Planning takes this long in real time, as it does when the worker is swamped. */
  public FakePaging planTaking(Duration duration) {
    planTakes = duration;
    return this;
  }

  /** The next sends to this address report {@code delivery} instead of SENT. */
  public FakePaging answer(String address, PageDelivery delivery) {
    outcomes.put(address, delivery);
    return this;
  }

  @Override
  public EscalationPlan plan(String escalationId, EscalationRequest request) {
    lookups.add("plan");
    try {
      Thread.sleep(planTakes.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return plan;
  }

  @Override
  public List<Recipient> recipients(String escalationId, EscalationLevel level, long atMillis) {
    lookups.add("recipients " + level.targets().get(0).name());
    return level.targets().stream()
        .map(
            target ->
                new Recipient(
                    target.name(),
                    target,
                    level.channels().stream()
                        .map(channel -> new Contact(channel, target.name() + "@" + channel))
                        .toList(),
                    List.of()))
        .toList();
  }

  @Override
  public PageOutcome send(PageRequest page) {
    return send(page, clock.getAsLong());
  }

  private PageOutcome send(PageRequest page, long atMillis) {
    sent.add(new Sent(page, atMillis));
    PageDelivery delivery = outcomes.getOrDefault(page.contact().address(), PageDelivery.SENT);
    return new PageOutcome(page.pageId(), delivery, delivery == PageDelivery.SENT ? null : "by the fake");
  }

  @Override
  public List<PageOutcome> sendLevel(List<PageRequest> pages) {
    return sendLevel(pages, clock.getAsLong());
  }

  /** Sends when the level is due, as the real activity waits for it; time-skipping cannot wait here. */
  @Override
  public List<PageOutcome> sendLevelAt(List<PageRequest> pages, long dueAtMillis) {
    levelsDue.add(dueAtMillis);
    levelsDispatchedAt.add(clock.getAsLong());
    return sendLevel(pages, Math.max(clock.getAsLong(), dueAtMillis));
  }

  private List<PageOutcome> sendLevel(List<PageRequest> pages, long atMillis) {
    levelSends.incrementAndGet();
    if (levelSendsGiveUp) {
      throw ApplicationFailure.newNonRetryableFailure("the read model is down", "UNREACHABLE");
    }
    return pages.stream().map(page -> send(page, atMillis)).toList();
  }

  /** The due time each {@code sendLevelAt} was given, in order. */
  public List<Long> levelsDue() {
    return List.copyOf(levelsDue);
  }

  /** When each {@code sendLevelAt} ran, in workflow time. */
  public List<Long> levelsDispatchedAt() {
    return List.copyOf(levelsDispatchedAt);
  }

  /** Every level send gives up, as one whose deadline passed with the read model down. */
  public FakePaging levelSendsGivingUp() {
    levelSendsGiveUp = true;
    return this;
  }

  @Override
  public void stop(String escalationId, Settlement settlement) {
    settleCalls.add("stop " + settlement.action());
  }

  @Override
  public void settled(String escalationId, Settlement settlement) {
    settleCalls.add("settled " + settlement.action());
    settled.add(settlement);
  }

  @Override
  public void exhausted(String escalationId, FinalAction action) {
    exhausted.add(action);
    exhaustedAtMillis = clock.getAsLong();
  }

  @Override
  public void note(String escalationId, String kind, String detail) {
    notes.add(kind + ": " + detail);
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public List<String> addresses() {
    return sent().stream().map(Sent::address).toList();
  }

  public List<Settlement> settled() {
    return List.copyOf(settled);
  }

  /** The calls that recorded and told a settlement, in order: {@code "stop ACKNOWLEDGE"}, {@code "settled ACKNOWLEDGE"}. */
  public List<String> settleCalls() {
    return List.copyOf(settleCalls);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** How many {@code sendLevel} activities ran: one per level fired. */
  public int levelSends() {
    return levelSends.get();
  }

  /** Each plan and recipients call, in order: {@code "plan"}, {@code "recipients alice"}. */
  public List<String> lookups() {
    return List.copyOf(lookups);
  }

  /** When the escalation was last marked as having run out, in workflow time. */
  public long exhaustedAtMillis() {
    return exhaustedAtMillis;
  }

  public List<FinalAction> exhausted() {
    return List.copyOf(exhausted);
  }

  /** A plan of the given levels, policy "default", reply code 4821. */
  public static EscalationPlan plan(int repeat, FinalAction finalAction, EscalationLevel... levels) {
    return new EscalationPlan("default", List.of(levels), repeat, finalAction, null, "4821");
  }

  /** A level paging one person over the given channels, then waiting {@code delaySeconds}. */
  public static EscalationLevel level(long delaySeconds, List<PageChannel> channels, String person) {
    return new EscalationLevel(List.of(new PageTarget(TargetKind.PERSON, person)), channels, delaySeconds);
  }
}
