package dev.remedia.activities.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.PagingOutbox.Dispatch;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The outbox's ordering, rollups, rate limits and withdrawals, with a pace of a few milliseconds.
 * Callers run on their own threads, as activities do; tests hold a send in flight to build a backlog.
 */
@Timeout(30)
class PagingOutboxTest {

  private static final Pacing FAST = new Pacing(Duration.ofMillis(5), 3, Duration.ofSeconds(20));

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final Set<String> stopped = ConcurrentHashMap.newKeySet();
  /** What passed the gate, in order; a close says how many channel calls had been made by then. */
  private final List<String> gate = new CopyOnWriteArrayList<>();
  private final RecordingPageSender sms = new RecordingPageSender(PageChannel.SMS, "+15550000");
  private PagingOutbox outbox = outbox(FAST);

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void pagesSharingAQueueGoOutOneAtATimeInTheOrderTheyCame() throws Exception {
    OutgoingPage first = page("p1", "+15550101");
    OutgoingPage second = page("p2", "+15550102");
    OutgoingPage third = page("p3", "+15550103");
    Future<Dispatch> firstSent = submitHeldInFlight(first);
    Future<Dispatch> secondSent = submitAndWaitQueued(second, 1);
    Future<Dispatch> thirdSent = submitAndWaitQueued(third, 2);
    sms.release();

    for (Future<Dispatch> sent : List.of(firstSent, secondSent, thirdSent)) {
      assertEquals(Dispatch.Kind.SENT, sent.get().kind());
    }
    assertEquals(List.of(first, second, third), sms.sent);
    assertEquals(1, sms.mostInFlight());
  }

  @Test
  void aBurstToOneAddressGoesOutAsOneRollupWhileOtherAddressesKeepTheirOwnMessages() throws Exception {
    Future<Dispatch> first = submitHeldInFlight(page("a1", "+15550101"));
    List<Future<Dispatch>> burst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      burst.add(submitAndWaitQueued(page("b" + i, "+15550102"), i + 1));
    }
    Future<Dispatch> other = submitAndWaitQueued(page("c1", "+15550103"), 6);
    sms.release();

    assertEquals(Dispatch.Kind.SENT, first.get().kind());
    assertEquals(Dispatch.Kind.SENT, other.get().kind());
    Set<String> rollupRefs = new HashSet<>();
    for (Future<Dispatch> page : burst) {
      assertEquals(Dispatch.Kind.ROLLED_UP, page.get().kind());
      assertEquals(5, page.get().batchSize());
      rollupRefs.add(page.get().sent().providerRef());
    }
    assertEquals(1, rollupRefs.size());
    assertEquals(1, sms.rollups.size());
    assertEquals(
        Set.of("b0", "b1", "b2", "b3", "b4"),
        sms.rollups.get(0).stream().map(OutgoingPage::pageId).collect(Collectors.toSet()));
    assertEquals(List.of("a1", "c1"), sms.sent.stream().map(OutgoingPage::pageId).toList());
  }

  @Test
  void aSmallBacklogToOneAddressIsNotRolledUp() throws Exception {
    Future<Dispatch> first = submitHeldInFlight(page("a1", "+15550101"));
    List<Future<Dispatch>> backlog = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      backlog.add(submitAndWaitQueued(page("b" + i, "+15550102"), i + 1));
    }
    sms.release();

    first.get();
    for (Future<Dispatch> page : backlog) {
      assertEquals(Dispatch.Kind.SENT, page.get().kind());
    }
    assertTrue(sms.rollups.isEmpty());
    assertEquals(4, sms.sent.size());
  }

  @Test
  void aRateLimitIsWaitedOutAndTheSamePageSentAgain() throws Exception {
    sms.failNext(ChannelException.rateLimited(Duration.ofMillis(50), "429 Too Many Requests"));

    Dispatch dispatch = submit(page("p1", "+15550101")).get();

    assertEquals(Dispatch.Kind.SENT, dispatch.kind());
    assertEquals(2, sms.attempts());
    assertEquals(List.of("p1"), sms.sent.stream().map(OutgoingPage::pageId).toList());
  }

  @Test
  void aPageWhoseEscalationStoppedWhileItWaitedIsWithdrawnUnsent() throws Exception {
    stopped.add("p1");

    assertEquals(Dispatch.Kind.WITHDRAWN, submit(page("p1", "+15550101")).get().kind());
    assertEquals(0, sms.attempts());
  }

  @Test
  void aPageIsInFlightFromTheGateUntilItsChannelCallReturnedWhateverTheOutcome() throws Exception {
    sms.failNext(
        ChannelException.rateLimited(Duration.ofMillis(20), "429 Too Many Requests"),
        ChannelException.permanent("21211 invalid number", null));

    assertThrows(ExecutionException.class, () -> submit(page("p1", "+15550101")).get());
    assertEquals(Dispatch.Kind.SENT, submit(page("p2", "+15550102")).get().kind());

    // Between a rate limit and the next attempt the page waits in its lane, not in flight.
    assertEquals(
        List.of(
            "open [p1]", "close [p1] after 1 calls",
            "open [p1]", "close [p1] after 2 calls",
            "open [p2]", "close [p2] after 3 calls"),
        gate);
  }

  @Test
  void aWithdrawnPageIsNeverInFlight() throws Exception {
    stopped.add("p1");

    submit(page("p1", "+15550101")).get();

    assertEquals(List.of("open [p1]"), gate);
  }

  @Test
  void aPageThatWaitsTooLongLeavesTheQueueUnsentAndFailsTransiently() throws Exception {
    outbox = outbox(new Pacing(Duration.ofMillis(5), 3, Duration.ofMillis(200)));
    Future<Dispatch> first = submitHeldInFlight(page("p1", "+15550101"));
    Future<Dispatch> second = submitAndWaitQueued(page("p2", "+15550102"), 1);

    ExecutionException failed = assertThrows(ExecutionException.class, second::get);
    sms.release();

    assertEquals(ChannelException.Kind.TRANSIENT, ((ChannelException) failed.getCause()).kind());
    assertEquals(Dispatch.Kind.SENT, first.get().kind());
    assertEquals(List.of("p1"), sms.sent.stream().map(OutgoingPage::pageId).toList());
    assertEquals(0, outbox.waiting());
  }

  @Test
  void aPermanentFailureReachesTheCallerAndTheQueueMovesOn() throws Exception {
    sms.failNext(ChannelException.permanent("21211 invalid number", null));

    ExecutionException failed = assertThrows(ExecutionException.class, () -> submit(page("p1", "+1")).get());

    assertEquals(ChannelException.Kind.PERMANENT, ((ChannelException) failed.getCause()).kind());
    assertEquals(Dispatch.Kind.SENT, submit(page("p2", "+15550102")).get().kind());
  }

  @Test
  void aSettleNoticeTakesItsTurnInThePagesLaneAndWaitsOutARateLimit() throws Exception {
    sms.failNext(ChannelException.rateLimited(Duration.ofMillis(20), "slow down"));

    callers.submit(() -> tell(notice("p1", "+15550101"))).get();

    assertEquals(List.of("notice p1"), sms.calls);
    assertEquals(2, sms.attempts());
  }

  @Test
  void pagesWaitingInALaneGoBeforeTheSettleNoticesWaitingThere() throws Exception {
    Future<Dispatch> first = submitHeldInFlight(page("a1", "+15550101"));
    Future<?> notice = submitAndWaitQueued(() -> tell(notice("n1", "+15550102")), 1);
    Future<Dispatch> page = submitAndWaitQueued(() -> outbox.send(sms, page("b1", "+15550103")), 2);
    sms.release();

    first.get();
    page.get();
    notice.get();
    assertEquals(List.of("page a1", "page b1", "notice n1"), sms.calls);
  }

  @Test
  void aBurstOfSettleNoticesToOneAddressIsOneMessageWhereTheChannelRollsThemUp() throws Exception {
    sms.rollingUpNotices();
    Future<Dispatch> first = submitHeldInFlight(page("a1", "+15550101"));
    List<Future<?>> notices = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      SettleNotice notice = notice("n" + i, "+15550102");
      notices.add(submitAndWaitQueued(() -> tell(notice), i + 1));
    }
    sms.release();

    first.get();
    for (Future<?> notice : notices) {
      notice.get();
    }
    assertEquals(List.of("page a1", "notices n0,n1,n2,n3,n4"), sms.calls);
  }

  @Test
  void settleNoticesAreToldOneByOneWhereTheChannelDoesNotRollThemUp() throws Exception {
    Future<Dispatch> first = submitHeldInFlight(page("a1", "+15550101"));
    List<Future<?>> notices = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      SettleNotice notice = notice("n" + i, "+15550102");
      notices.add(submitAndWaitQueued(() -> tell(notice), i + 1));
    }
    sms.release();

    first.get();
    for (Future<?> notice : notices) {
      notice.get();
    }
    assertEquals(
        List.of("page a1", "notice n0", "notice n1", "notice n2", "notice n3", "notice n4"), sms.calls);
  }

  private PagingOutbox outbox(Pacing pacing) {
    return new PagingOutbox(
        pacing,
        new PageGate() {
          @Override
          public Set<String> open(Collection<String> pageIds) {
            gate.add("open " + pageIds);
            return pageIds.stream().filter(id -> !stopped.contains(id)).collect(Collectors.toSet());
          }

          @Override
          public void close(Collection<String> pageIds) {
            gate.add("close " + pageIds + " after " + sms.attempts() + " calls");
          }
        });
  }

  private Future<Dispatch> submit(OutgoingPage page) {
    return callers.submit(() -> outbox.send(sms, page));
  }

  /** Submits a page and waits until the channel holds it in flight, so what follows queues behind it. */
  private Future<Dispatch> submitHeldInFlight(OutgoingPage page) throws InterruptedException {
    CountDownLatch held = sms.holdNextSend();
    Future<Dispatch> future = submit(page);
    held.await();
    return future;
  }

  /** Submits a page and waits until {@code waiting} calls are queued behind the one in flight. */
  private Future<Dispatch> submitAndWaitQueued(OutgoingPage page, int waiting) {
    return submitAndWaitQueued(() -> outbox.send(sms, page), waiting);
  }

  private <T> Future<T> submitAndWaitQueued(Callable<T> call, int waiting) {
    Future<T> future = callers.submit(call);
    while (outbox.waiting() < waiting) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return future;
  }

  private Void tell(SettleNotice notice) throws ChannelException {
    outbox.tell(sms, notice);
    return null;
  }

  private static SettleNotice notice(String pageId, String phone) {
    return new SettleNotice(
        page(pageId, phone),
        new SentMessage("SM-" + pageId),
        new Settlement(SettleAction.ACKNOWLEDGE, "alice", "api", 0, false));
  }

  private static OutgoingPage page(String pageId, String phone) {
    return new OutgoingPage(
        pageId, PageChannel.SMS, phone, "alice", "incident-1", "HostDown on host-a", "CRITICAL", null, "4821");
  }
}
