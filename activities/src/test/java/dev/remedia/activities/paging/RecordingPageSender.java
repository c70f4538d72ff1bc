package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.Settlement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A channel adapter that records what it was asked to do, for testing Remedia's own pacing and
 * idempotency; the real Slack and Twilio adapters are tested against stub servers of their own.
 * Failures can be scripted, and the next send can be held in flight until the test releases it.
 */
final class RecordingPageSender implements PageSender {

  /** A settle notice as the sender received it. */
  record Told(String pageId, String providerRef, Settlement settlement) {}

  final List<OutgoingPage> sent = new CopyOnWriteArrayList<>();
  final List<List<OutgoingPage>> rollups = new CopyOnWriteArrayList<>();
  final List<Told> settles = new CopyOnWriteArrayList<>();
  final List<List<Told>> noticeRollups = new CopyOnWriteArrayList<>();
  /** Every call that reached the channel, in order: "page p1", "rollup p1,p2", "notice p1", "notices p1,p2". */
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<OutgoingPage> lookedUp = new CopyOnWriteArrayList<>();
  /** What {@link #findSent} answers, by page id: messages sent before a crash. */
  final Map<String, SentMessage> sentBeforeCrash = new ConcurrentHashMap<>();

  private final PageChannel channel;
  private final String paceKey;
  private final Deque<ChannelException> failures = new ArrayDeque<>();
  private final AtomicInteger refs = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
  private volatile CountDownLatch holding;
  private volatile CountDownLatch held;
  private volatile boolean rollsUpNotices;

  /** @param paceKey one queue for every page (an SMS sender number), or null for one per address */
  RecordingPageSender(PageChannel channel, String paceKey) {
    this.channel = channel;
    this.paceKey = paceKey;
  }

  /** Tells bursts of settle notices in one message, as SMS does. */
  RecordingPageSender rollingUpNotices() {
    rollsUpNotices = true;
    return this;
  }

  /** The next sends fail with these, in order. */
  synchronized RecordingPageSender failNext(ChannelException... next) {
    failures.addAll(List.of(next));
    return this;
  }

  /** Holds the next send in flight until {@link #release}; answers a latch that opens once it is held. */
  CountDownLatch holdNextSend() {
    holding = new CountDownLatch(1);
    held = new CountDownLatch(1);
    hold.set(held);
    return holding;
  }

  void release() {
    held.countDown();
  }

  /** How many calls reached the channel, failed ones included. */
  int attempts() {
    return attempts.get();
  }

  /** The most calls the channel ever saw at the same time. */
  int mostInFlight() {
    return mostInFlight.get();
  }

  @Override
  public PageChannel channel() {
    return channel;
  }

  @Override
  public String paceKey(OutgoingPage page) {
    return paceKey != null ? paceKey : page.address();
  }

  @Override
  public SentMessage send(OutgoingPage page) throws ChannelException {
    return call(
        () -> {
          sent.add(page);
          calls.add("page " + page.pageId());
          return new SentMessage(channel + "-" + refs.incrementAndGet());
        });
  }

  @Override
  public SentMessage sendRollup(String address, List<OutgoingPage> pages) throws ChannelException {
    return call(
        () -> {
          rollups.add(List.copyOf(pages));
          calls.add("rollup " + pages.stream().map(OutgoingPage::pageId).collect(Collectors.joining(",")));
          return new SentMessage(channel + "-rollup-" + refs.incrementAndGet());
        });
  }

  @Override
  public Optional<SentMessage> findSent(OutgoingPage page, Instant since) {
    lookedUp.add(page);
    return Optional.ofNullable(sentBeforeCrash.get(page.pageId()));
  }

  @Override
  public void settle(OutgoingPage page, SentMessage sent, Settlement settlement) throws ChannelException {
    call(
        () -> {
          settles.add(new Told(page.pageId(), sent.providerRef(), settlement));
          calls.add("notice " + page.pageId());
          return sent;
        });
  }

  @Override
  public boolean rollsUpNotices() {
    return rollsUpNotices;
  }

  @Override
  public void settleRollup(String address, List<SettleNotice> notices)
      throws ChannelException {
    call(
        () -> {
          noticeRollups.add(
              notices.stream()
                  .map(n -> new Told(n.page().pageId(), n.sent().providerRef(), n.settlement()))
                  .toList());
          calls.add(
              "notices " + notices.stream().map(n -> n.page().pageId()).collect(Collectors.joining(",")));
          return null;
        });
  }

  private interface Call {
    SentMessage run();
  }

  private SentMessage call(Call call) throws ChannelException {
    attempts.incrementAndGet();
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      CountDownLatch released = hold.getAndSet(null);
      if (released != null) {
        holding.countDown();
        if (!released.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the held send");
        }
      }
      ChannelException failure;
      synchronized (this) {
        failure = failures.poll();
      }
      if (failure != null) {
        throw failure;
      }
      return call.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
