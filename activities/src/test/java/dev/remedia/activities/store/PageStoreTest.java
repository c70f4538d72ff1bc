package dev.remedia.activities.store;

import static dev.remedia.activities.store.PagingFixtures.T0;
import static dev.remedia.activities.store.PagingFixtures.newIncidentId;
import static dev.remedia.activities.store.PagingFixtures.newPhone;
import static dev.remedia.activities.store.PagingFixtures.page;
import static dev.remedia.activities.store.PagingFixtures.paging;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageRequest;
import dev.remedia.workflows.paging.SettleAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pages and SMS opt-outs against a real PostgreSQL (embedded, or REMEDIA_TEST_DATABASE_URL). */
@Timeout(60)
class PageStoreTest {

  private final EscalationStore escalations = new EscalationStore(TestDatabases.shared().dsl());
  private final PageStore pages = new PageStore(TestDatabases.shared().dsl());
  private final String incident = newIncidentId();
  private final String escalation = paging(escalations, incident);

  @Test
  void aPageIsClaimedOnceAndARetryFindsTheFirstClaim() {
    PageRequest request = page(escalation, incident, PageChannel.SMS, "+15550100");

    PageClaim first = pages.claim(request, T0);
    PageClaim retry = pages.claim(request, T0.plusSeconds(30));

    assertTrue(first.fresh());
    assertFalse(retry.fresh());
    assertEquals(PageStatus.SENDING, retry.page().status());
    assertEquals(T0, retry.page().createdAt());
    assertEquals("+15550100", retry.page().address());
    assertEquals("4821", retry.page().replyCode());
    assertNull(retry.page().providerRef());
  }

  @Test
  void anOutcomeIsRecordedOnce() {
    PageRequest request = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    pages.claim(request, T0);

    pages.recordOutcome(request.pageId(), PageStatus.SENT, "C1:1700000000.0001", null, T0.plusSeconds(1));
    pages.recordOutcome(request.pageId(), PageStatus.FAILED, null, "late", T0.plusSeconds(2));

    StoredPage stored = pages.find(request.pageId()).orElseThrow();
    assertEquals(PageStatus.SENT, stored.status());
    assertEquals("C1:1700000000.0001", stored.providerRef());
    assertEquals(T0.plusSeconds(1), stored.sentAt());
  }

  @Test
  void deliveryReportsMoveEveryPageOfARollupForwardButNeverBack() {
    PageRequest first = sent(PageChannel.SMS, "+15550100", PageStatus.ROLLED_UP, "SM-rollup");
    PageRequest second = sent(PageChannel.SMS, "+15550100", PageStatus.ROLLED_UP, "SM-rollup");

    List<StoredPage> failed =
        pages.recordDelivery("SM-rollup", PageStatus.FAILED, "30003 unreachable", T0.plusSeconds(5));
    List<StoredPage> lateDelivered = pages.recordDelivery("SM-rollup", PageStatus.DELIVERED, null, T0.plusSeconds(6));

    assertEquals(Set.of(first.pageId(), second.pageId()), Set.copyOf(failed.stream().map(StoredPage::id).toList()));
    assertTrue(lateDelivered.isEmpty());
    StoredPage stored = pages.find(first.pageId()).orElseThrow();
    assertEquals(PageStatus.FAILED, stored.status());
    assertEquals("30003 unreachable", stored.detail());
  }

  @Test
  void aReportForAReferenceNotRecordedYetIsAppliedToEveryPageRecordedWithItLater() {
    String ref = "SM-early-" + UUID.randomUUID();
    PageRequest first = page(escalation, incident, PageChannel.SMS, "+15550100");
    PageRequest second = page(escalation, incident, PageChannel.SMS, "+15550100");
    pages.claim(first, T0);
    pages.claim(second, T0);

    assertTrue(pages.recordDelivery(ref, PageStatus.DELIVERED, null, T0.plusSeconds(1)).isEmpty());
    assertTrue(pages.recordDelivery(ref, PageStatus.FAILED, "30003 unreachable", T0.plusSeconds(2)).isEmpty());
    pages.recordOutcome(first.pageId(), PageStatus.ROLLED_UP, ref, null, T0.plusSeconds(3));
    pages.recordOutcome(second.pageId(), PageStatus.ROLLED_UP, ref, null, T0.plusSeconds(4));

    for (PageRequest request : List.of(first, second)) {
      StoredPage stored = pages.find(request.pageId()).orElseThrow();
      assertEquals(PageStatus.FAILED, stored.status());
      assertEquals("30003 unreachable", stored.detail());
      assertEquals(ref, stored.providerRef());
    }
  }

  @Test
  void reportsAreKeptForADayOnly() {
    String old = "SM-old-" + UUID.randomUUID();
    pages.recordDelivery(old, PageStatus.FAILED, "30003 unreachable", T0);
    pages.recordDelivery("SM-new-" + UUID.randomUUID(), PageStatus.DELIVERED, null, T0.plus(PageStore.REPORTS_KEPT).plusSeconds(1));
    PageRequest request = page(escalation, incident, PageChannel.SMS, "+15550100");
    pages.claim(request, T0);

    pages.recordOutcome(request.pageId(), PageStatus.SENT, old, null, T0.plus(PageStore.REPORTS_KEPT).plusSeconds(2));

    assertEquals(PageStatus.SENT, pages.find(request.pageId()).orElseThrow().status());
  }

  @Test
  void onlyPagesThatReachedSomeoneAwaitASettleNoticeAndOnlyUntilMarked() {
    PageRequest slack = sent(PageChannel.SLACK, "U0ALICE", PageStatus.SENT, "C1:1.1");
    PageRequest rolled = sent(PageChannel.SMS, "+15550100", PageStatus.ROLLED_UP, "SM-r");
    sent(PageChannel.SMS, "+15550199", PageStatus.FAILED, null);

    assertEquals(
        Set.of(slack.pageId(), rolled.pageId()),
        Set.copyOf(pages.awaitingSettleNotice(escalation).stream().map(StoredPage::id).toList()));

    pages.markSettleNotified(slack.pageId(), T0.plusSeconds(9));
    assertEquals(
        List.of(rolled.pageId()), pages.awaitingSettleNotice(escalation).stream().map(StoredPage::id).toList());
  }

  @Test
  void pagesOfAnEscalationAskedToStopAreNoLongerWantedBeforeItRecordsItsSettlement() {
    String byIncidentId = newIncidentId();
    String stoppedByIncident = paging(escalations, byIncidentId);
    String stoppedDirectly = paging(escalations, newIncidentId());
    PageRequest live = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    PageRequest first = page(stoppedByIncident, byIncidentId, PageChannel.SLACK, "U0ALICE");
    PageRequest second = page(stoppedDirectly, null, PageChannel.SLACK, "U0ALICE");
    List.of(live, first, second).forEach(p -> pages.claim(p, T0));

    escalations.confirmStop(StopScope.incident(byIncidentId), T0);
    escalations.confirmStop(StopScope.escalation(stoppedDirectly), T0);

    assertEquals(Set.of(live.pageId()), pages.handOver(List.of(live.pageId(), first.pageId(), second.pageId())));
    assertEquals(EscalationStatus.PAGING, escalations.find(stoppedByIncident).orElseThrow().status());
  }

  @Test
  void aTentativeStopWithdrawsPagesAtOnceAndARefusedAnswerLetsThemGo() {
    PageRequest page = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    pages.claim(page, T0);
    Instant now = Instant.now();

    escalations.holdStop(StopScope.incident(incident), now, now.plusSeconds(60));
    assertEquals(Set.of(), pages.handOver(List.of(page.pageId())));

    escalations.releaseStop(StopScope.incident(incident), now);
    assertEquals(Set.of(page.pageId()), pages.handOver(List.of(page.pageId())));
  }

  @Test
  void aTentativeStopNeverConfirmedLapsesSoPagingGoesOn() {
    PageRequest page = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    pages.claim(page, T0);

    // The process that marked it died before handing the answer to Temporal.
    heldTwoMinutesAgo();

    assertEquals(Set.of(page.pageId()), pages.handOver(List.of(page.pageId())));
  }

  @Test
  void aConfirmedStopStaysWithdrawnForGoodAndALateReleaseCannotUndoIt() {
    PageRequest page = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    pages.claim(page, T0);
    Instant heldAt = heldTwoMinutesAgo();

    escalations.confirmStop(StopScope.escalation(escalation), heldAt);
    escalations.releaseStop(StopScope.escalation(escalation), heldAt);

    assertEquals(Set.of(), pages.handOver(List.of(page.pageId())));
  }

  @Test
  void aPageHandedOverIsInFlightForItsEscalationAndIncidentUntilItLanded() {
    String otherIncident = newIncidentId();
    String other = paging(escalations, otherIncident);
    PageRequest page = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    PageRequest elsewhere = page(other, otherIncident, PageChannel.SLACK, "U0ALICE");
    pages.claim(page, T0);
    pages.claim(elsewhere, T0);

    pages.handOver(List.of(page.pageId(), elsewhere.pageId()));

    assertEquals(Set.of(page.pageId()), pages.inFlight(StopScope.escalation(escalation)));
    assertEquals(Set.of(page.pageId()), pages.inFlight(StopScope.incident(incident)));
    pages.landed(List.of(page.pageId()));
    assertEquals(Set.of(), pages.inFlight(StopScope.incident(incident)));
    assertEquals(Set.of(elsewhere.pageId()), pages.inFlight(StopScope.incident(otherIncident)));
  }

  @Test
  void aPageInFlightForLongerThanAChannelCallCanTakeWasLeftByADeadProcessAndGoesWithTheNextLanding() {
    PageRequest left = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    PageRequest next = page(escalation, incident, PageChannel.SLACK, "U0BOB");
    pages.claim(left, T0);
    pages.claim(next, T0);
    pages.handOver(List.of(left.pageId(), next.pageId()));
    InFlightRows.age(left.pageId(), PageStore.IN_FLIGHT_AT_MOST.plusSeconds(1));

    assertEquals(Set.of(next.pageId()), pages.inFlight(StopScope.escalation(escalation)));
    pages.landed(List.of(next.pageId()));
    assertEquals(0, InFlightRows.count(left.pageId()));
  }

  @Test
  void aPageHandedOverAgainAfterACrashIsInFlightFromTheNewHandOver() {
    PageRequest page = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    pages.claim(page, T0);
    pages.handOver(List.of(page.pageId()));
    InFlightRows.age(page.pageId(), PageStore.IN_FLIGHT_AT_MOST.plusSeconds(1));

    assertEquals(Set.of(page.pageId()), pages.handOver(List.of(page.pageId())));
    assertEquals(Set.of(page.pageId()), pages.inFlight(StopScope.escalation(escalation)));
  }

  @Test
  void aPageWithdrawnAtTheHandOverIsNotInFlight() {
    PageRequest page = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    pages.claim(page, T0);
    escalations.confirmStop(StopScope.escalation(escalation), T0);

    assertEquals(Set.of(), pages.handOver(List.of(page.pageId())));
    assertEquals(Set.of(), pages.inFlight(StopScope.escalation(escalation)));
  }

  /** A tentative stop of the escalation, marked two minutes ago and honoured for one. */
  private Instant heldTwoMinutesAgo() {
    Instant at = Instant.now().minusSeconds(120);
    escalations.holdStop(StopScope.escalation(escalation), at, at.plusSeconds(60));
    return at;
  }

  @Test
  void pagesOfASettledEscalationAreNoLongerWanted() {
    String otherIncident = newIncidentId();
    String settled = paging(escalations, otherIncident);
    PageRequest live = page(escalation, incident, PageChannel.SLACK, "U0ALICE");
    PageRequest stale = page(settled, otherIncident, PageChannel.SLACK, "U0ALICE");
    pages.claim(live, T0);
    pages.claim(stale, T0);
    escalations.settle(settled, SettleAction.ACKNOWLEDGE, "Bob", "slack", T0);

    assertEquals(Set.of(live.pageId()), pages.handOver(List.of(live.pageId(), stale.pageId())));
  }

  @Test
  void anSmsReplyMatchesTheLivePageToThatNumberBeforeAnOlderOneWithTheSameCode() {
    String phone = newPhone();
    String oldIncident = newIncidentId();
    String old = paging(escalations, oldIncident);
    PageRequest oldPage = page(old, oldIncident, PageChannel.SMS, phone);
    pages.claim(oldPage, T0.plusSeconds(10));
    escalations.settle(old, SettleAction.RESOLVE, "grafana", "grafana", T0.plusSeconds(11));
    PageRequest livePage = page(escalation, incident, PageChannel.SMS, phone);
    pages.claim(livePage, T0);

    assertEquals(livePage.pageId(), pages.answeredBySms(phone, "4821").orElseThrow().id());
    assertTrue(pages.answeredBySms(phone, "1234").isEmpty());
    assertTrue(pages.answeredBySms("+15559999999", "4821").isEmpty());
  }

  @Test
  void pagesListNewestFirstFilteredAndPaged() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      PageChannel channel = i % 2 == 0 ? PageChannel.SLACK : PageChannel.SMS;
      PageRequest request = page(escalation, incident, channel, "addr-" + i);
      pages.claim(request, T0.plusSeconds(i));
      ids.add(request.pageId());
    }

    PageListing slack = pages.list(new PageQuery(incident, null, PageChannel.SLACK, 10, null));
    assertEquals(List.of(ids.get(4), ids.get(2), ids.get(0)), slack.pages().stream().map(StoredPage::id).toList());
    assertNull(slack.next());

    List<String> paged = new ArrayList<>();
    PageCursor cursor = null;
    do {
      PageListing listing = pages.list(new PageQuery(incident, PageStatus.SENDING, null, 2, cursor));
      listing.pages().forEach(p -> paged.add(p.id()));
      cursor = listing.next() == null ? null : PageCursor.decode(listing.next().encode());
    } while (cursor != null);
    assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), paged);
  }

  @Test
  void aNumberThatSentStopStaysOptedOutUntilItSendsStart() {
    SmsOptOutStore optOuts = new SmsOptOutStore(TestDatabases.shared().dsl());
    String phone = newPhone();

    optOuts.optOut(phone, T0);
    optOuts.optOut(phone, T0.plusSeconds(5));
    assertTrue(optOuts.optedOut(phone));

    optOuts.optIn(phone);
    assertFalse(optOuts.optedOut(phone));
  }

  private PageRequest sent(PageChannel channel, String address, PageStatus status, String providerRef) {
    PageRequest request = page(escalation, incident, channel, address);
    pages.claim(request, T0);
    pages.recordOutcome(request.pageId(), status, providerRef, null, T0.plusSeconds(1));
    return request;
  }
}
