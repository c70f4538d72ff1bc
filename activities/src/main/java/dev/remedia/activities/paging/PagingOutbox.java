package dev.remedia.activities.paging;

import dev.remedia.activities.RootCause;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces what goes out to each destination and folds bursts into one message.
 *
 * <p>A sender's {@link PageSender#paceKey} names a lane. A lane spends about one unit of budget (a
 * page's {@link PageSender#cost}) per {@link Pacing#perUnit}, and after a channel's Retry-After it
 * waits that long before trying the same pages again. When more than {@link Pacing#rollupAbove}
 * pages for one address wait in a lane, they go out as one rollup message; so do settle notices, on
 * channels that {@link PageSender#rollsUpNotices}. Pages go before settle notices: telling someone an
 * incident was acknowledged can wait, paging the next person cannot.
 *
 * <p>The outbox has no threads of its own: callers wait in their lane, and the caller at its head
 * sends when the lane is due, for itself and for the pages it rolls up. Callers are activity threads
 * on the {@code PacedQueue}'s worker, which holds enough of them for a burst. Right before sending,
 * pages pass the {@link PageGate}: those whose escalation stopped paging meanwhile are withdrawn, and the
 * rest are in flight until the channel call returns, so a stop request waits for them and nothing goes
 * out after the settlement's time.
 *
 * <p>A wait is bounded by {@link Pacing#maxQueueWait}: the send activity does not heartbeat, so it
 * must end well within its start-to-close timeout. A page that waited too long leaves its lane unsent
 * and fails transiently, so Temporal retries it later; a page already handed to the channel is waited
 * for, bounded by the adapter's own timeouts.
 */
final class PagingOutbox {

  /** What became of a queued page that did not fail. */
  record Dispatch(Kind kind, SentMessage sent, int batchSize) {

    enum Kind {
      SENT,
      /** Went out in one message with {@code batchSize - 1} other pages to the same address. */
      ROLLED_UP,
      /** Not sent: its escalation stopped paging while it waited. */
      WITHDRAWN
    }
  }

  private enum State {
    WAITING,
    /** Handed to the channel by whichever caller leads the lane. */
    TAKEN,
    DONE
  }

  private final Pacing pacing;
  private final PageGate gate;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

  PagingOutbox(Pacing pacing, PageGate gate) {
    this.pacing = pacing;
    this.gate = gate;
  }

  Dispatch send(PageSender sender, OutgoingPage page) throws ChannelException {
    return lane(sender, page).await(new Entry(sender, page, null));
  }

  /** Tells a page's recipient how it was settled, in the page's lane, after the pages waiting there. */
  void tell(PageSender sender, SettleNotice notice) throws ChannelException {
    lane(sender, notice.page()).await(new Entry(sender, notice.page(), notice));
  }

  /** How many calls wait for their turn, across lanes. */
  int waiting() {
    return lanes.values().stream().mapToInt(Lane::waiting).sum();
  }

  private Lane lane(PageSender sender, OutgoingPage page) {
    return lanes.computeIfAbsent(sender.channel() + ":" + sender.paceKey(page), key -> new Lane());
  }

  private static final class Entry {
    final PageSender sender;
    final OutgoingPage page;
    /** Null for a page to send. */
    final SettleNotice notice;
    State state = State.WAITING;
    Outcome outcome;

    Entry(PageSender sender, OutgoingPage page, SettleNotice notice) {
      this.sender = sender;
      this.page = page;
      this.notice = notice;
    }

    boolean isNotice() {
      return notice != null;
    }

    boolean rollsUpWith(Entry head) {
      boolean sameKind = isNotice() ? head.isNotice() && sender.rollsUpNotices() : !head.isNotice();
      return sameKind && page.address().equals(head.page.address());
    }
  }

  /** A dispatch, or the failure the caller throws. */
  private record Outcome(Dispatch dispatch, ChannelException failure) {

    static Outcome of(Dispatch dispatch) {
      return new Outcome(dispatch, null);
    }

    static Outcome failed(ChannelException failure) {
      return new Outcome(null, failure);
    }
  }

  /**
   * What one turn of a lane did: the outcomes it reached, and the calls to try again after
   * {@code pause} when the channel asked to slow down.
   */
  private record Turn(Map<Entry, Outcome> outcomes, List<Entry> again, Duration pause, int cost) {}

  private final class Lane {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Entry> pages = new ArrayDeque<>();
    private final Deque<Entry> notices = new ArrayDeque<>();
    private long dueNanos = System.nanoTime();
    private boolean busy;

    Dispatch await(Entry entry) throws ChannelException {
      long deadline = System.nanoTime() + pacing.maxQueueWait().toNanos();
      lock.lock();
      try {
        queueOf(entry).addLast(entry);
        while (entry.state != State.DONE) {
          if (entry.state == State.TAKEN) {
            changed.await();
            continue;
          }
          long now = System.nanoTime();
          boolean leads = !busy && head() == entry;
          if (leads && now - dueNanos >= 0) {
            take(entry);
            continue;
          }
          if (now - deadline >= 0) {
            leave(entry);
            throw ChannelException.transientFailure(
                "waited more than " + pacing.maxQueueWait().toSeconds() + " s for its turn on "
                    + entry.sender.channel().name().toLowerCase() + "; Temporal retries it",
                null);
          }
          changed.awaitNanos(leads ? Math.min(deadline - now, dueNanos - now) : deadline - now);
        }
        if (entry.outcome.failure() != null) {
          throw entry.outcome.failure();
        }
        return entry.outcome.dispatch();
      } catch (InterruptedException e) {
        if (entry.state == State.WAITING) {
          leave(entry);
        }
        Thread.currentThread().interrupt();
        throw ChannelException.transientFailure("interrupted while waiting for its turn", e);
      } finally {
        lock.unlock();
      }
    }

    int waiting() {
      lock.lock();
      try {
        return pages.size() + notices.size();
      } finally {
        lock.unlock();
      }
    }

    private Deque<Entry> queueOf(Entry entry) {
      return entry.isNotice() ? notices : pages;
    }

    private Entry head() {
      return pages.isEmpty() ? notices.peekFirst() : pages.peekFirst();
    }

    private void leave(Entry entry) {
      queueOf(entry).remove(entry);
      changed.signalAll();
    }

    /** Sends for the head of the lane and whatever it rolls up; called and returns with the lock held. */
    private void take(Entry head) {
      List<Entry> batch = batchFor(head);
      batch.forEach(
          entry -> {
            queueOf(entry).remove(entry);
            entry.state = State.TAKEN;
          });
      busy = true;
      lock.unlock();
      Turn turn = null;
      try {
        turn = attempt(batch);
      } finally {
        lock.lock();
        busy = false;
        finish(batch, turn);
        changed.signalAll();
      }
    }

    private List<Entry> batchFor(Entry head) {
      List<Entry> sameAddress = queueOf(head).stream().filter(entry -> entry.rollsUpWith(head)).toList();
      return sameAddress.size() > pacing.rollupAbove() ? sameAddress : List.of(head);
    }

    private void finish(List<Entry> batch, Turn turn) {
      long now = System.nanoTime();
      if (turn == null) {
        Outcome failed =
            Outcome.failed(ChannelException.transientFailure("the send was cut short by an unexpected error", null));
        batch.forEach(entry -> complete(entry, failed));
        return;
      }
      turn.outcomes().forEach(this::complete);
      List<Entry> again = new ArrayList<>(turn.again());
      for (int i = again.size() - 1; i >= 0; i--) {
        again.get(i).state = State.WAITING;
        queueOf(again.get(i)).addFirst(again.get(i));
      }
      Duration wait = turn.pause() != null ? turn.pause() : pacing.perUnit().multipliedBy(turn.cost());
      dueNanos = now + wait.toNanos();
    }

    private void complete(Entry entry, Outcome outcome) {
      entry.outcome = outcome;
      entry.state = State.DONE;
    }
  }

  /** Sends a batch without holding the lane's lock. */
  private Turn attempt(List<Entry> batch) {
    Map<Entry, Outcome> outcomes = new LinkedHashMap<>();
    List<Entry> sending = withdrawUnwanted(batch, outcomes);
    if (sending.isEmpty()) {
      return new Turn(outcomes, List.of(), null, 0);
    }
    try {
      return deliverAll(sending, outcomes);
    } finally {
      List<String> pageIds = pageIds(sending);
      if (!pageIds.isEmpty()) {
        gate.close(pageIds);
      }
    }
  }

  private Turn deliverAll(List<Entry> sending, Map<Entry, Outcome> outcomes) {
    PageSender sender = sending.get(0).sender;
    // A rollup is charged like the largest page it stands for; a notice is one short message.
    int cost =
        sending.get(0).isNotice()
            ? 1
            : sending.stream().mapToInt(entry -> sender.cost(entry.page)).max().orElse(1);
    try {
      deliver(sender, sending, outcomes);
      return new Turn(outcomes, List.of(), null, cost);
    } catch (ChannelException e) {
      if (e.kind() == ChannelException.Kind.RATE_LIMITED) {
        Duration pause = e.retryAfter().compareTo(pacing.perUnit()) > 0 ? e.retryAfter() : pacing.perUnit();
        return new Turn(outcomes, sending, pause, 0);
      }
      sending.forEach(entry -> outcomes.put(entry, Outcome.failed(e)));
    } catch (RuntimeException e) {
      ChannelException failure =
          ChannelException.transientFailure(
              "the " + sender.channel().name().toLowerCase() + " adapter failed: " + RootCause.message(e), e);
      sending.forEach(entry -> outcomes.put(entry, Outcome.failed(failure)));
    }
    return new Turn(outcomes, List.of(), null, cost);
  }

  /** Settles pages whose escalation stopped paging, and answers the rest of the batch. */
  private List<Entry> withdrawUnwanted(List<Entry> batch, Map<Entry, Outcome> outcomes) {
    List<String> pageIds = pageIds(batch);
    if (pageIds.isEmpty()) {
      return batch;
    }
    Set<String> wanted = gate.open(pageIds);
    List<Entry> sending = new ArrayList<>();
    for (Entry entry : batch) {
      if (entry.isNotice() || wanted.contains(entry.page.pageId())) {
        sending.add(entry);
      } else {
        outcomes.put(entry, Outcome.of(new Dispatch(Dispatch.Kind.WITHDRAWN, null, 1)));
      }
    }
    return sending;
  }

  private static List<String> pageIds(List<Entry> entries) {
    return entries.stream().filter(entry -> !entry.isNotice()).map(entry -> entry.page.pageId()).toList();
  }

  private static void deliver(PageSender sender, List<Entry> sending, Map<Entry, Outcome> outcomes)
      throws ChannelException {
    Entry first = sending.get(0);
    if (first.isNotice()) {
      if (sending.size() == 1) {
        sender.settle(first.page, first.notice.sent(), first.notice.settlement());
      } else {
        sender.settleRollup(first.page.address(), sending.stream().map(entry -> entry.notice).toList());
      }
      Dispatch told = new Dispatch(Dispatch.Kind.SENT, null, sending.size());
      sending.forEach(entry -> outcomes.put(entry, Outcome.of(told)));
    } else if (sending.size() == 1) {
      outcomes.put(first, Outcome.of(new Dispatch(Dispatch.Kind.SENT, sender.send(first.page), 1)));
    } else {
      SentMessage sent =
          sender.sendRollup(first.page.address(), sending.stream().map(entry -> entry.page).toList());
      Dispatch rolledUp = new Dispatch(Dispatch.Kind.ROLLED_UP, sent, sending.size());
      sending.forEach(entry -> outcomes.put(entry, Outcome.of(rolledUp)));
    }
  }
}
