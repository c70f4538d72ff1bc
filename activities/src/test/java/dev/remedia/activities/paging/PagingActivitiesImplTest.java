package dev.remedia.activities.paging;

import static dev.remedia.activities.store.PagingFixtures.newIncidentId;
import static dev.remedia.activities.store.PagingFixtures.newPhone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.oncall.QuietHours;
import dev.remedia.activities.oncall.Schedule;
import dev.remedia.activities.store.EscalationStatus;
import dev.remedia.activities.store.PageStatus;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.StoredEscalation;
import dev.remedia.activities.store.StoredPage;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.paging.Contact;
import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.EscalationPlan;
import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageDelivery;
import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.PageRequest;
import dev.remedia.workflows.paging.PagingActivities;
import dev.remedia.workflows.paging.PageTarget;
import dev.remedia.workflows.paging.Recipient;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import dev.remedia.workflows.paging.TargetKind;
import dev.remedia.workflows.runbook.FailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/**
 * Paging against a real PostgreSQL with recording channels: who a level reaches, plans and reply
 * codes, sends that happen once whatever is retried, rollups, rate limits and settle notices.
 */
@Timeout(60)
class PagingActivitiesImplTest {

  /** A Saturday, 14:00 UTC: inside Bob's quiet hours. */
  private static final Instant NOW = Instant.parse("2026-11-21T14:00:00Z");

  private static final Pacing FAST = new Pacing(Duration.ofMillis(5), 3, Duration.ofSeconds(20));

  private final PagingStores stores = PagingStores.of(TestDatabases.shared().dsl());
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final RecordingPageSender slack = new RecordingPageSender(PageChannel.SLACK, null);
  private final RecordingPageSender sms = new RecordingPageSender(PageChannel.SMS, "+15550000");
  private final RecordingPageSender voice = new RecordingPageSender(PageChannel.VOICE, "+15550000");
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private final Person alice = new Person("Alice", "U0ALICE", newPhone(), List.of(), null);
  private final Person bob =
      new Person(
          "Bob", "U0BOB", newPhone(), List.of(PageChannel.SMS),
          new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), ZoneOffset.UTC));
  private final Person dave = new Person("Dave", "U0DAVE", null, List.of(), null);
  private final Person erin =
      new Person("Erin", "U0ERIN", newPhone(), List.of(PageChannel.VOICE, PageChannel.SLACK), null);
  private final EscalationPolicy policy =
      new EscalationPolicy(
          "default",
          List.of(level(List.of(PageChannel.SLACK, PageChannel.SMS), target(TargetKind.SCHEDULE, "primary"))),
          1, FinalAction.MARK_UNACKNOWLEDGED, null);
  private final AtomicReference<OnCallDirectory> directory =
      new AtomicReference<>(
          new OnCallDirectory(
              List.of(alice, bob, dave, erin),
              List.of(new FixedSchedule("primary", "Bob"), new FixedSchedule("gap", null)),
              List.of(policy)));

  private PagingOutbox outbox = new PagingOutbox(FAST, PageGate.stored(stores.pages()));
  private PagingActivitiesImpl paging =
      activities(Map.of(PageChannel.SLACK, slack, PageChannel.SMS, sms, PageChannel.VOICE, voice));

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  record FixedSchedule(String name, String person) implements Schedule {
    @Override
    public Optional<String> onCallAt(Instant at) {
      return Optional.ofNullable(person);
    }
  }

  // Who a level reaches.

  /** Taking the shift overrides quiet hours; Bob's preference for SMS filters the level's channels. */
  @Test
  void aSchedulesOnCallPersonIsPagedOnTheirPreferredChannelEvenInQuietHours() {
    List<Recipient> recipients =
        recipients(level(List.of(PageChannel.SLACK, PageChannel.SMS), target(TargetKind.SCHEDULE, "primary")));

    assertEquals(
        List.of(
            new Recipient(
                "Bob", target(TargetKind.SCHEDULE, "primary"), List.of(new Contact(PageChannel.SMS, bob.phone())),
                List.of())),
        recipients);
  }

  @Test
  void aPersonNamedDirectlyIsNotPagedInTheirQuietHours() {
    Recipient bobNamed = recipients(level(List.of(PageChannel.SMS), target(TargetKind.PERSON, "Bob"))).get(0);

    assertEquals(List.of(), bobNamed.contacts());
    assertEquals(List.of("Bob: in quiet hours, not paged as a named target"), bobNamed.skipped());
  }

  @Test
  void someoneReachedThroughTwoTargetsIsPagedOnceThroughTheOneThatReachesThem() {
    List<Recipient> recipients =
        recipients(
            level(
                List.of(PageChannel.SMS), target(TargetKind.PERSON, "Bob"), target(TargetKind.SCHEDULE, "primary")));

    assertEquals(1, recipients.size());
    assertEquals(List.of(new Contact(PageChannel.SMS, bob.phone())), recipients.get(0).contacts());
  }

  @Test
  void contactsFollowTheLevelsOrderAndAMissingAddressIsNoted() {
    Recipient daveReached =
        recipients(level(List.of(PageChannel.SMS, PageChannel.SLACK), target(TargetKind.PERSON, "Dave"))).get(0);

    assertEquals(List.of(new Contact(PageChannel.SLACK, "U0DAVE")), daveReached.contacts());
    assertEquals(List.of("Dave: no phone number for sms"), daveReached.skipped());
  }

  @Test
  void preferredChannelsReorderTheLevelsChannels() {
    Recipient erinReached =
        recipients(
                level(
                    List.of(PageChannel.SLACK, PageChannel.SMS, PageChannel.VOICE),
                    target(TargetKind.PERSON, "Erin")))
            .get(0);

    assertEquals(
        List.of(new Contact(PageChannel.VOICE, erin.phone()), new Contact(PageChannel.SLACK, "U0ERIN")),
        erinReached.contacts());
  }

  @Test
  void anOptedOutNumberIsSkippedForSmsButStillCalled() {
    stores.optOuts().optOut(alice.phone(), NOW);

    Recipient aliceReached =
        recipients(level(List.of(PageChannel.SMS, PageChannel.VOICE), target(TargetKind.PERSON, "Alice"))).get(0);

    assertEquals(List.of(new Contact(PageChannel.VOICE, alice.phone())), aliceReached.contacts());
    assertEquals(List.of("Alice: the number opted out of SMS (STOP)"), aliceReached.skipped());
  }

  @Test
  void aScheduleGapAnUnknownPersonAndASlackChannelAreReportedAsSuch() {
    List<Recipient> recipients =
        recipients(
            level(
                List.of(PageChannel.SMS),
                target(TargetKind.SCHEDULE, "gap"),
                target(TargetKind.PERSON, "Zed"),
                target(TargetKind.SLACK_CHANNEL, "C0ALERTS")));

    assertEquals(
        List.of(
            new Recipient(
                null, target(TargetKind.SCHEDULE, "gap"), List.of(),
                List.of("schedule gap has nobody on call at " + NOW)),
            new Recipient(
                null, target(TargetKind.PERSON, "Zed"), List.of(),
                List.of("no person named Zed in the configuration")),
            new Recipient(
                null, target(TargetKind.SLACK_CHANNEL, "C0ALERTS"),
                List.of(new Contact(PageChannel.SLACK, "C0ALERTS")), List.of())),
        recipients);
  }

  @Test
  void aChannelWithoutASenderIsSkippedWithANote() {
    paging = activities(Map.of(PageChannel.SLACK, slack));

    Recipient aliceReached =
        recipients(level(List.of(PageChannel.SMS, PageChannel.SLACK), target(TargetKind.PERSON, "Alice"))).get(0);

    assertEquals(List.of(new Contact(PageChannel.SLACK, "U0ALICE")), aliceReached.contacts());
    assertEquals(List.of("Alice: sms is not configured"), aliceReached.skipped());
  }

  @Test
  void inDevModeTheConsoleStandsInForEveryMissingChannelOncePerPerson() {
    paging = activities(Map.of(PageChannel.CONSOLE, new ConsolePageSender(stores.pages())));

    List<Recipient> recipients =
        recipients(
            level(
                List.of(PageChannel.SLACK, PageChannel.SMS, PageChannel.VOICE),
                target(TargetKind.PERSON, "Alice"),
                target(TargetKind.SLACK_CHANNEL, "C0ALERTS")));

    assertEquals(List.of(new Contact(PageChannel.CONSOLE, "Alice")), recipients.get(0).contacts());
    assertEquals(List.of(new Contact(PageChannel.CONSOLE, "C0ALERTS")), recipients.get(1).contacts());
    assertEquals(List.of(), recipients.get(0).skipped());
  }

  @Test
  void aConsolePageIsRecordedUnderItsOwnIdAndARetryAfterACrashFindsItByItsRow() {
    paging = activities(Map.of(PageChannel.CONSOLE, new ConsolePageSender(stores.pages())));
    PageRequest sent = page(planned(), PageChannel.CONSOLE, "Alice");
    PageRequest crashed = page(planned(), PageChannel.CONSOLE, "Bob");
    stores.pages().claim(crashed, NOW.minusSeconds(30));

    assertEquals(PageDelivery.SENT, paging.send(sent).delivery());
    assertEquals(PageDelivery.SENT, paging.send(crashed).delivery());

    assertEquals(sent.pageId(), stores.pages().find(sent.pageId()).orElseThrow().providerRef());
    assertEquals(crashed.pageId(), stores.pages().find(crashed.pageId()).orElseThrow().providerRef());
  }

  // Plans and reply codes.

  @Test
  void aPlanFreezesThePolicyAndARetryAnswersTheSamePlanEvenAfterTheConfigurationChanged() {
    String id = escalationId();
    EscalationPlan plan = paging.plan(id, request(id, "default"));
    directory.set(OnCallDirectory.empty());

    EscalationPlan retried = paging.plan(id, request(id, "default"));

    assertEquals(plan, retried);
    assertEquals(policy.levels(), plan.levels());
    assertEquals(1, plan.repeat());
    assertEquals(FinalAction.MARK_UNACKNOWLEDGED, plan.finalAction());
    assertTrue(plan.replyCode().matches("[1-9][0-9]{3}"), plan.replyCode());
    assertEquals(plan.replyCode(), stores.escalations().find(id).orElseThrow().replyCode());
  }

  @Test
  void anUnknownPolicyFailsForGood() {
    String id = escalationId();

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> paging.plan(id, request(id, "nope")));

    assertTrue(failure.isNonRetryable());
    assertEquals(FailureType.INVALID_INPUT.name(), failure.getType());
    assertEquals("no escalation policy named 'nope'", failure.getOriginalMessage());
    assertTrue(stores.escalations().find(id).isEmpty());
  }

  @Test
  void escalationsPagingAtTheSameTimeHoldDifferentReplyCodes() throws Exception {
    List<Future<EscalationPlan>> plans = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = escalationId();
      plans.add(workers.submit(() -> paging.plan(id, request(id, "default"))));
    }

    Set<String> codes = new HashSet<>();
    for (Future<EscalationPlan> plan : plans) {
      codes.add(plan.get().replyCode());
    }
    assertEquals(40, codes.size());
  }

  // Sends.

  @Test
  void aPageSentTwiceReachesThePersonOnceAndCountsOnce() {
    PageRequest page = page(planned(), PageChannel.SLACK, "U0ALICE");

    PageOutcome first = paging.send(page);
    PageOutcome retried = paging.send(page);

    assertEquals(PageDelivery.SENT, first.delivery());
    assertEquals(first, retried);
    assertEquals(1, slack.sent.size());
    StoredPage stored = stores.pages().find(page.pageId()).orElseThrow();
    assertEquals(PageStatus.SENT, stored.status());
    assertEquals("SLACK-1", stored.providerRef());
    assertEquals(NOW, stored.sentAt());
    assertEquals(1.0, pagesCounted(PageChannel.SLACK, "sent"));
  }

  /** The process died after the channel took the page and before the outcome was recorded. */
  @Test
  void aRetryAfterACrashMidSendRecordsWhatTheChannelSentInsteadOfSendingAgain() {
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());
    stores.pages().claim(page, NOW.minusSeconds(30));
    sms.sentBeforeCrash.put(page.pageId(), new SentMessage("SM-before-crash"));

    PageOutcome outcome = paging.send(page);

    assertEquals(PageDelivery.SENT, outcome.delivery());
    assertEquals(List.of(page.pageId()), sms.lookedUp.stream().map(OutgoingPage::pageId).toList());
    assertTrue(sms.sent.isEmpty());
    assertEquals("SM-before-crash", stores.pages().find(page.pageId()).orElseThrow().providerRef());
  }

  /** The process died after claiming the page and before the channel took it. */
  @Test
  void aRetryAfterACrashBeforeTheChannelTookThePageSendsItOnce() {
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());
    stores.pages().claim(page, NOW.minusSeconds(30));

    assertEquals(PageDelivery.SENT, paging.send(page).delivery());
    assertEquals(1, sms.lookedUp.size());
    assertEquals(1, sms.sent.size());
  }

  @Test
  void aTransientFailureIsRetriedByTemporalAndTheRetrySendsOnce() {
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.transientFailure("connection reset", null));

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> paging.send(page));
    assertFalse(failure.isNonRetryable());
    assertEquals(PageStatus.SENDING, stores.pages().find(page.pageId()).orElseThrow().status());

    assertEquals(PageDelivery.SENT, paging.send(page).delivery());
    assertEquals(1, sms.sent.size());
  }

  @Test
  void aTransientFailureWithTimeLeftIsHandedToTemporalToRetry() {
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.transientFailure("connection reset", null));

    assertThrows(ActivityFailure.class, () -> sendWithin(Duration.ofMinutes(10), page));
    assertEquals(PageStatus.SENDING, stores.pages().find(page.pageId()).orElseThrow().status());
  }

  /** Temporal would abandon the send at its deadline and leave the page SENDING for good. */
  @Test
  void aTransientFailureTooCloseToTheSendsDeadlineEndsThePageAsFailed() {
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.transientFailure("connection reset", null));

    PageOutcome outcome = sendWithin(PagingActivitiesImpl.RETRY_NEEDS.minusSeconds(1), page);

    assertEquals(
        new PageOutcome(page.pageId(), PageDelivery.FAILED, "gave up at the send's deadline: connection reset"),
        outcome);
    assertEquals(PageStatus.FAILED, stores.pages().find(page.pageId()).orElseThrow().status());
  }

  /** One attempt of {@code send} as Temporal runs it, with the given schedule-to-close timeout. */
  private PageOutcome sendWithin(Duration scheduleToClose, PageRequest page) {
    TestActivityEnvironment temporal = TestActivityEnvironment.newInstance();
    try {
      temporal.registerActivitiesImplementations(paging);
      PagingActivities stub =
          temporal.newActivityStub(
              PagingActivities.class,
              ActivityOptions.newBuilder()
                  .setScheduleToCloseTimeout(scheduleToClose)
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      return stub.send(page);
    } finally {
      temporal.close();
    }
  }

  @Test
  void aPermanentFailureIsRecordedWithoutTheNumber() {
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.permanent("21211: The 'To' number " + alice.phone() + " is not valid", null));

    PageOutcome outcome = paging.send(page);

    assertEquals(
        new PageOutcome(page.pageId(), PageDelivery.FAILED, "21211: The 'To' number <address> is not valid"),
        outcome);
    assertEquals(PageStatus.FAILED, stores.pages().find(page.pageId()).orElseThrow().status());
    assertEquals(1.0, pagesCounted(PageChannel.SMS, "failed"));
  }

  /** Twilio may report on a text before its send has recorded the SID: the report is not lost. */
  @Test
  void aDeliveryReportThatOvertakesTheSendsRecordIsAppliedWithIt() {
    PageRequest failed = page(planned(), PageChannel.SMS, alice.phone());
    paging = activities(Map.of(PageChannel.SMS, reportedBeforeReturning(PageStatus.FAILED, "30003: unreachable")));

    assertEquals(
        new PageOutcome(failed.pageId(), PageDelivery.FAILED, "30003: unreachable"), paging.send(failed));
    assertEquals(PageStatus.FAILED, stores.pages().find(failed.pageId()).orElseThrow().status());

    PageRequest stopped = page(planned(), PageChannel.SMS, bob.phone());
    paging = activities(Map.of(PageChannel.SMS, reportedBeforeReturning(PageStatus.OPTED_OUT, "21610")));

    assertEquals(PageDelivery.OPTED_OUT, paging.send(stopped).delivery());
    assertTrue(stores.optOuts().optedOut(bob.phone()));
  }

  /** An SMS channel whose status callback arrives while the send is still returning the SID. */
  private PageSender reportedBeforeReturning(PageStatus status, String detail) {
    return new PageSender() {
      @Override
      public PageChannel channel() {
        return PageChannel.SMS;
      }

      @Override
      public String paceKey(OutgoingPage page) {
        return "+15550000";
      }

      @Override
      public SentMessage send(OutgoingPage page) {
        String sid = "SM" + UUID.randomUUID();
        stores.pages().recordDelivery(sid, status, detail, NOW);
        return new SentMessage(sid);
      }

      @Override
      public SentMessage sendRollup(String address, List<OutgoingPage> pages) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<SentMessage> findSent(OutgoingPage page, Instant since) {
        return Optional.empty();
      }

      @Override
      public void settle(OutgoingPage page, SentMessage sent, Settlement settlement) {}
    };
  }

  @Test
  void anOptedOutNumberIsRecordedAndSkippedFromThenOn() {
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.optedOut("21610: unsubscribed recipient"));

    assertEquals(PageDelivery.OPTED_OUT, paging.send(page).delivery());
    assertTrue(stores.optOuts().optedOut(alice.phone()));
    assertEquals(
        List.of(new Contact(PageChannel.VOICE, alice.phone())),
        recipients(level(List.of(PageChannel.SMS, PageChannel.VOICE), target(TargetKind.PERSON, "Alice")))
            .get(0)
            .contacts());
  }

  @Test
  void aRateLimitIsHonouredAndThePageStillGoesOutOnce() {
    PageRequest page = page(planned(), PageChannel.SLACK, "C0ALERTS");
    slack.failNext(ChannelException.rateLimited(Duration.ofMillis(30), "429 Too Many Requests, Retry-After: 1"));

    assertEquals(PageDelivery.SENT, paging.send(page).delivery());
    assertEquals(2, slack.attempts());
    assertEquals(1, slack.sent.size());
  }

  // A level's first pages in one activity.

  /** The opted-out page's recipient moves on while the other page still waits for its lane. */
  @Test
  void aLevelsPageThatMovesOnIsHandedOnBeforeTheOtherPagesAreDone() throws Exception {
    String escalation = planned();
    PageRequest held = page(escalation, PageChannel.SLACK, "C0ALERTS");
    PageRequest optedOut = page(escalation, PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.optedOut("21610: unsubscribed recipient"));
    CountDownLatch slackHeld = slack.holdNextSend();
    BlockingQueue<PageOutcome> handedOn = new LinkedBlockingQueue<>();

    Future<List<PageOutcome>> level =
        workers.submit(() -> levelSender().send(List.of(held, optedOut), () -> false, handedOn::add));
    slackHeld.await();

    PageOutcome early = handedOn.poll(10, TimeUnit.SECONDS);
    assertEquals(new PageOutcome(optedOut.pageId(), PageDelivery.OPTED_OUT, "the number opted out of SMS (STOP)"), early);
    assertFalse(level.isDone());
    slack.release();
    assertEquals(
        List.of(PageDelivery.SENT, PageDelivery.OPTED_OUT),
        level.get().stream().map(PageOutcome::delivery).toList());
    assertTrue(handedOn.isEmpty(), "a page that went out is not handed on early");
  }

  /** The page threads log with the ids of the activity's work, as the activity's own thread does. */
  @Test
  void aLevelsPagesAreSentWithTheActivitysLogContext() {
    PageRequest optedOut = page(planned(), PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.optedOut("21610: unsubscribed recipient"));
    List<String> seen = new ArrayList<>();

    MDC.put("incidentId", "incident-7");
    try {
      levelSender().send(List.of(optedOut), () -> false, outcome -> seen.add(MDC.get("incidentId")));
    } finally {
      MDC.remove("incidentId");
    }

    assertEquals(List.of("incident-7"), seen);
  }

  @Test
  void aLevelWithATransientFailureFailsAfterTheOthersAndItsRetrySendsOnlyTheRest() {
    String escalation = planned();
    PageRequest sent = page(escalation, PageChannel.SLACK, "C0ALERTS");
    PageRequest failing = page(escalation, PageChannel.SMS, alice.phone());
    sms.failNext(ChannelException.transientFailure("connection reset", null));

    assertThrows(ApplicationFailure.class, () -> paging.sendLevel(List.of(sent, failing)));
    assertEquals(1, slack.sent.size());

    List<PageOutcome> retried = paging.sendLevel(List.of(sent, failing));
    assertEquals(List.of(PageDelivery.SENT, PageDelivery.SENT), retried.stream().map(PageOutcome::delivery).toList());
    assertEquals(1, slack.sent.size());
    assertEquals(1, sms.sent.size());
  }

  /** Dispatched ahead, the level's pages wait for their due time, and an answer meanwhile withdraws them. */
  @Test
  void aLevelDispatchedAheadWaitsForItsDueTimeAndAnAnswerMeanwhileWithdrawsItsPages() throws Exception {
    String escalation = planned();
    PageRequest page = page(escalation, PageChannel.SLACK, "C0ALERTS");
    long dueAt = NOW.toEpochMilli() + PagingActivities.DISPATCH_AHEAD.toMillis();

    Future<List<PageOutcome>> level = workers.submit(() -> paging.sendLevelAt(List.of(page), dueAt));
    Thread.sleep(200);
    new StopRequests(stores, Clock.systemUTC()).forEscalation(escalation).taken();

    assertEquals(List.of(PageDelivery.FAILED), level.get().stream().map(PageOutcome::delivery).toList());
    assertEquals(PageStatus.CANCELLED, stores.pages().find(page.pageId()).orElseThrow().status());
    assertEquals(0, slack.attempts());
  }

  /** A due time far off (a skewed clock) holds the send no longer than the lead it was dispatched with. */
  @Test
  void aLevelDueFarAheadWaitsNoLongerThanTheLeadItWasDispatchedWith() {
    PageRequest page = page(planned(), PageChannel.SLACK, "C0ALERTS");

    List<PageOutcome> sent = paging.sendLevelAt(List.of(page), NOW.plus(Duration.ofHours(1)).toEpochMilli());

    assertEquals(List.of(PageDelivery.SENT), sent.stream().map(PageOutcome::delivery).toList());
    assertEquals(1, slack.sent.size());
  }

  private LevelSender levelSender() {
    return new LevelSender(
        new PageDispatcher(
            stores.pages(), stores.optOuts(), Map.of(PageChannel.SLACK, slack, PageChannel.SMS, sms), outbox,
            new RemediaCounters(meters), clock));
  }

  @Test
  void aBurstToOneSlackChannelIsRolledUpIntoOneMessage() throws Exception {
    String escalation = planned();
    CountDownLatch held = slack.holdNextSend();
    Future<PageOutcome> first = workers.submit(() -> paging.send(page(escalation, PageChannel.SLACK, "C0ALERTS")));
    held.await();
    List<PageRequest> burst = new ArrayList<>();
    List<Future<PageOutcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      PageRequest page = page(planned(), PageChannel.SLACK, "C0ALERTS");
      burst.add(page);
      outcomes.add(workers.submit(() -> paging.send(page)));
      waitUntilQueued(i + 1);
    }
    slack.release();

    assertEquals(PageDelivery.SENT, first.get().delivery());
    for (Future<PageOutcome> outcome : outcomes) {
      assertEquals(PageDelivery.ROLLED_UP, outcome.get().delivery());
    }
    assertEquals(1, slack.sent.size());
    assertEquals(1, slack.rollups.size());
    assertEquals(5, slack.rollups.get(0).size());
    Set<String> refs = new HashSet<>();
    for (PageRequest page : burst) {
      StoredPage stored = stores.pages().find(page.pageId()).orElseThrow();
      assertEquals(PageStatus.ROLLED_UP, stored.status());
      refs.add(stored.providerRef());
    }
    assertEquals(Set.of("SLACK-rollup-2"), refs);
  }

  @Test
  void aPageForAnEscalationSettledMeanwhileIsNeverSent() {
    String escalation = planned();
    PageRequest page = page(escalation, PageChannel.SLACK, "U0ALICE");
    paging.settled(escalation, new Settlement(SettleAction.ACKNOWLEDGE, "Alice", "slack", NOW.toEpochMilli(), true));

    PageOutcome outcome = paging.send(page);

    assertEquals(new PageOutcome(page.pageId(), PageDelivery.FAILED, "not sent: paging had stopped"), outcome);
    assertEquals(PageStatus.CANCELLED, stores.pages().find(page.pageId()).orElseThrow().status());
    assertEquals(0, slack.attempts());
  }

  /**
   * A page already handed to Slack when someone acknowledges cannot be called back: the answer waits
   * for it to land, so the acknowledgement's time comes after it; the page queued behind it is withdrawn.
   */
  @Test
  void anAnswerWaitsForThePageAlreadyHandedToTheChannelAndWithdrawsTheOneQueuedBehindIt() throws Exception {
    String escalation = planned();
    CountDownLatch held = slack.holdNextSend();
    Future<PageOutcome> inFlight = workers.submit(() -> paging.send(page(escalation, PageChannel.SLACK, "U0ALICE")));
    held.await();
    Future<PageOutcome> queued = workers.submit(() -> paging.send(page(escalation, PageChannel.SLACK, "U0ALICE")));
    waitUntilQueued(1);
    List<String> events = new CopyOnWriteArrayList<>();

    Future<?> answered =
        workers.submit(
            () -> {
              new StopRequests(stores, Clock.systemUTC()).forEscalation(escalation).taken();
              events.add("answered");
            });
    Thread.sleep(200);
    events.add("released");
    slack.release();
    answered.get();

    assertEquals(List.of("released", "answered"), events);
    assertEquals(PageDelivery.SENT, inFlight.get().delivery());
    assertEquals(PageDelivery.FAILED, queued.get().delivery());
    assertEquals(1, slack.sent.size());
  }

  @Test
  void stoppingWithdrawsWaitingPagesAndTellsNobodyUntilSettled() {
    String escalation = planned();
    PageRequest sent = page(escalation, PageChannel.SLACK, "U0ALICE");
    paging.send(sent);
    Settlement ack = new Settlement(SettleAction.ACKNOWLEDGE, "Alice", "api", NOW.toEpochMilli(), false);

    paging.stop(escalation, ack);
    PageRequest late = page(escalation, PageChannel.SLACK, "U0BOB");

    assertEquals(new PageOutcome(late.pageId(), PageDelivery.FAILED, "not sent: paging had stopped"), paging.send(late));
    assertEquals(EscalationStatus.ACKNOWLEDGED, stores.escalations().find(escalation).orElseThrow().status());
    assertEquals(List.of(), slack.settles);
    paging.settled(escalation, ack);
    assertEquals(List.of(new RecordingPageSender.Told(sent.pageId(), "SLACK-1", ack)), slack.settles);
  }

  @Test
  void aPageToAChannelNoLongerConfiguredFails() {
    paging = activities(Map.of(PageChannel.SLACK, slack));
    PageRequest page = page(planned(), PageChannel.SMS, alice.phone());

    assertEquals(new PageOutcome(page.pageId(), PageDelivery.FAILED, "sms is not configured"), paging.send(page));
  }

  // Settling and running out.

  @Test
  void settlingTellsEveryoneReachedOnceAndKeepsTheFirstSettlement() {
    String escalation = planned();
    PageRequest slackPage = page(escalation, PageChannel.SLACK, "U0ALICE");
    PageRequest smsPage = page(escalation, PageChannel.SMS, alice.phone());
    PageRequest failedPage = page(escalation, PageChannel.SMS, bob.phone());
    paging.send(slackPage);
    paging.send(smsPage);
    sms.failNext(ChannelException.permanent("undeliverable", null));
    paging.send(failedPage);
    Settlement ack =
        new Settlement(SettleAction.ACKNOWLEDGE, "Alice", "slack", NOW.plusSeconds(60).toEpochMilli(), true);

    paging.settled(escalation, ack);
    paging.settled(
        escalation,
        new Settlement(SettleAction.RESOLVE, "grafana", "grafana", NOW.plusSeconds(90).toEpochMilli(), false));

    assertEquals(List.of(new RecordingPageSender.Told(slackPage.pageId(), "SLACK-1", ack)), slack.settles);
    assertEquals(List.of(new RecordingPageSender.Told(smsPage.pageId(), "SMS-1", ack)), sms.settles);
    StoredEscalation stored = stores.escalations().find(escalation).orElseThrow();
    assertEquals(EscalationStatus.ACKNOWLEDGED, stored.status());
    assertEquals("Alice", stored.settledBy());
    assertEquals(NOW.plusSeconds(60), stored.settledAt());
    assertNull(stored.replyCode());
  }

  @Test
  void aSettleNoticeThatFailedTransientlyIsSentOnRetryWithoutRepeatingTheOthers() {
    String escalation = planned();
    paging.send(page(escalation, PageChannel.SLACK, "U0ALICE"));
    paging.send(page(escalation, PageChannel.SLACK, "U0BOB"));
    Settlement ack = new Settlement(SettleAction.ACKNOWLEDGE, "Bob", "sms", NOW.toEpochMilli(), true);
    slack.failNext(ChannelException.transientFailure("503", null));

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> paging.settled(escalation, ack));
    assertFalse(failure.isNonRetryable());
    paging.settled(escalation, ack);
    paging.settled(escalation, ack);

    assertEquals(2, slack.settles.size());
    assertNotEquals(slack.settles.get(0).pageId(), slack.settles.get(1).pageId());
  }

  @Test
  void runningOutIsRecordedAndFreesTheReplyCode() {
    String escalation = planned();

    paging.exhausted(escalation, FinalAction.MARK_UNACKNOWLEDGED);

    StoredEscalation stored = stores.escalations().find(escalation).orElseThrow();
    assertEquals(EscalationStatus.EXHAUSTED, stored.status());
    assertEquals(FinalAction.MARK_UNACKNOWLEDGED, stored.finalAction());
    assertNull(stored.replyCode());
  }

  private PagingActivitiesImpl activities(Map<PageChannel, PageSender> senders) {
    return new PagingActivitiesImpl(
        directory::get, stores, new EnumMap<>(senders), outbox, new RemediaCounters(meters), clock);
  }

  private double pagesCounted(PageChannel channel, String outcome) {
    return meters
        .get("remedia.pages")
        .tag("channel", channel.name().toLowerCase(Locale.ROOT))
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private List<Recipient> recipients(EscalationLevel level) {
    return paging.recipients(escalationId(), level, NOW.toEpochMilli());
  }

  private String planned() {
    String id = escalationId();
    paging.plan(id, request(id, "default"));
    return id;
  }

  private void waitUntilQueued(int waiting) {
    while (outbox.waiting() < waiting) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  private static String escalationId() {
    return "escalation/" + newIncidentId();
  }

  private static EscalationRequest request(String escalationId, String policy) {
    String incident = escalationId.substring("escalation/".length());
    return new EscalationRequest(
        incident, incident, "incident/alertmanager/" + incident, null, policy, "HostDown on host-a", "CRITICAL",
        "http://remedia/api/incidents/" + incident);
  }

  private static PageRequest page(String escalationId, PageChannel channel, String address) {
    return new PageRequest(
        escalationId + "/" + UUID.randomUUID(), escalationId, escalationId.substring("escalation/".length()), 0, 0,
        "Alice", new Contact(channel, address), "HostDown on host-a", "CRITICAL", null, "4821");
  }

  private static EscalationLevel level(List<PageChannel> channels, PageTarget... targets) {
    return new EscalationLevel(List.of(targets), channels, 300);
  }

  private static PageTarget target(TargetKind kind, String name) {
    return new PageTarget(kind, name);
  }
}
