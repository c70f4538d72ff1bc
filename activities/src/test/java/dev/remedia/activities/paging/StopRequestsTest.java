package dev.remedia.activities.paging;

import static dev.remedia.activities.store.PagingFixtures.newIncidentId;
import static dev.remedia.activities.store.PagingFixtures.page;
import static dev.remedia.activities.store.PagingFixtures.paging;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.StopRequests.StopRequest;
import dev.remedia.activities.store.InFlightRows;
import dev.remedia.activities.store.PageStore;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.StopScope;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stop requests against pages in flight, in a real PostgreSQL: an answer's time is one after which no
 * page of its escalation goes out.
 */
@Timeout(60)
class StopRequestsTest {

  private final PagingStores stores = PagingStores.of(TestDatabases.shared().dsl());
  private final Clock clock = Clock.systemUTC();
  private final String incident = newIncidentId();
  private final String escalation = paging(stores.escalations(), incident);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void anAnswerWaitsForThePageInFlightAndTakesItsTimeAfterThePageLanded() throws Exception {
    PageRequest page = claimed();
    assertEquals(Set.of(page.pageId()), stores.pages().handOver(List.of(page.pageId())));
    List<String> events = new CopyOnWriteArrayList<>();

    Future<StopRequest> answered =
        threads.submit(
            () -> {
              StopRequest stop = new StopRequests(stores, clock).forIncident(incident);
              events.add("answered");
              return stop;
            });
    // The channel call takes a while; the answer must not be taken meanwhile.
    Thread.sleep(200);
    Instant landed = clock.instant();
    events.add("landed");
    stores.pages().landed(List.of(page.pageId()));

    Instant at = answered.get().at();
    assertEquals(List.of("landed", "answered"), events);
    assertFalse(at.isBefore(landed), at + " is before the page landed at " + landed);
  }

  @Test
  void aPageLeftInFlightByAProcessThatDiedIsNotWaitedFor() throws Exception {
    PageRequest page = claimed();
    stores.pages().handOver(List.of(page.pageId()));
    InFlightRows.age(page.pageId(), PageStore.IN_FLIGHT_AT_MOST.plusSeconds(1));

    // With an hour to wait, only ignoring the dead process's mark lets this end within the timeout.
    new StopRequests(stores, clock, Duration.ofHours(1)).forEscalation(escalation).taken();

    assertEquals(Set.of(), stores.pages().handOver(List.of(claimed().pageId())));
  }

  @Test
  void anAnswerWaitsForAPageStillInFlightNoLongerThanItsBound() {
    PageRequest page = claimed();
    stores.pages().handOver(List.of(page.pageId()));

    StopRequest stop = new StopRequests(stores, clock, Duration.ofMillis(50)).forEscalation(escalation);

    assertEquals(Set.of(page.pageId()), stores.pages().inFlight(StopScope.escalation(escalation)));
    stop.taken();
  }

  /**
   * Many pages pass the gate while an answer comes: each is either withdrawn or landed before the
   * answer's time, however their checks and the answer's mark interleave.
   */
  @Test
  void everyPageRacingAnAnswerIsWithdrawnOrLandsBeforeTheAnswersTime() throws Exception {
    List<PageRequest> pages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      pages.add(claimed());
    }
    Map<String, Instant> landedAt = new ConcurrentHashMap<>();
    CountDownLatch halfway = new CountDownLatch(pages.size() / 2);
    // Few senders, so that sends are still being checked when the answer comes.
    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Future<?>> sends = new ArrayList<>();
    for (PageRequest page : pages) {
      sends.add(
          senders.submit(
              () -> {
                List<String> ids = List.of(page.pageId());
                if (!stores.pages().handOver(ids).isEmpty()) {
                  pretendToCallTheChannel();
                  landedAt.put(page.pageId(), clock.instant());
                  stores.pages().landed(ids);
                }
                halfway.countDown();
                return null;
              }));
    }

    halfway.await();
    StopRequest stop = new StopRequests(stores, clock).forEscalation(escalation);
    for (Future<?> send : sends) {
      send.get();
    }
    senders.shutdown();

    assertTrue(landedAt.size() >= pages.size() / 2, "half the pages went out before the answer: " + landedAt.size());
    landedAt.forEach(
        (pageId, landed) ->
            assertFalse(landed.isAfter(stop.at()), "page " + pageId + " landed at " + landed + ", after " + stop.at()));
  }

  private static void pretendToCallTheChannel() throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 15));
  }

  private PageRequest claimed() {
    PageRequest page = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    stores.pages().claim(page, clock.instant());
    return page;
  }
}
