package dev.remedia.workflows.paging;

import static dev.remedia.workflows.paging.FakePaging.level;
import static dev.remedia.workflows.paging.FakePaging.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.CachelessEnvironment;
import dev.remedia.runbooks.RecordedHistories;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The escalation ladder with time skipping. The worker keeps no workflow cache, so every workflow task
 * replays the history from the start: a restart between any two steps neither loses nor repeats a page.
 */
@Timeout(60)
class EscalationWorkflowTest {

  private static final String QUEUE = "escalation-test";
  private static final String ID = EscalationWorkflow.workflowId("incident-1");
  private static final long LEVEL_SECONDS = 300;

  private TestWorkflowEnvironment env;
  private FakePaging paging;
  private WorkflowClient client;
  private long startedAt;

  @AfterEach
  void stopEnvironment() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void anAcknowledgementAtTheFirstLevelStopsEveryLaterPage() {
    start(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED));
    env.sleep(Duration.ofSeconds(30));
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("alice", "slack"));
    EscalationResult result = result();
    env.sleep(Duration.ofHours(2));

    assertEquals(List.of("alice@SLACK"), paging.addresses());
    assertEquals("alice", result.settlement().by());
    assertEquals(1, result.pagesSent());
    assertEquals(1, paging.settled().size());
    // Queued pages are withdrawn by the quick stop, before anyone is told.
    assertEquals(List.of("stop ACKNOWLEDGE", "settled ACKNOWLEDGE"), paging.settleCalls());
    assertEquals(List.of(), paging.exhausted());
    RecordedHistories.saveIfRequested(client, ID, "escalation-acknowledged-at-level-one-levels-ahead");
  }

  @Test
  void eachLevelFiresWhenThePreviousLevelsDelayRunsOut() {
    start(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED));
    env.sleep(Duration.ofSeconds(LEVEL_SECONDS + 30));
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("bob", "sms"));
    result();

    assertEquals(List.of("alice@SLACK", "bob@SLACK"), paging.addresses());
    long secondLevelAfter = (paging.sent().get(1).atMillis() - startedAt) / 1000;
    assertTrue(
        secondLevelAfter >= LEVEL_SECONDS && secondLevelAfter < LEVEL_SECONDS + 2,
        "level 2 fired after " + secondLevelAfter + " s");
  }

  /**
   * Each later level's send is scheduled ahead of its due time, so a busy worker's wait does not make
   * it late, and is told when the level is due; the last level is not ahead of anything.
   */
  @Test
  void eachLevelsSendIsDispatchedAheadOfItsDueTimeAndToldWhenItIsDue() {
    start(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED));
    result();

    long level = LEVEL_SECONDS * 1000;
    long first = paging.levelsDue().get(0);
    assertTrue(first - startedAt >= 0 && first - startedAt < 1000, "level 1 due at the escalation's start");
    assertEquals(List.of(first, first + level, first + 2 * level), paging.levelsDue());
    List<Long> dispatched = paging.levelsDispatchedAt();
    for (int i = 1; i < 3; i++) {
      long ahead = paging.levelsDue().get(i) - dispatched.get(i);
      assertTrue(
          ahead > 0 && ahead <= PagingActivities.DISPATCH_AHEAD.toMillis(),
          "level " + (i + 1) + " dispatched " + ahead + " ms ahead of its due time");
    }
    assertTrue(
        paging.exhaustedAtMillis() - first >= 3 * level,
        "ran out " + (paging.exhaustedAtMillis() - first) + " ms after the start, before the last level's end");
  }

  @Test
  void aLevelThatStartedLateDoesNotPushTheNextOneBack() {
    startWith(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED), fake -> fake.planTaking(Duration.ofSeconds(3)));
    env.sleep(Duration.ofSeconds(LEVEL_SECONDS + 30));
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("bob", "sms"));
    result();

    long firstLevelAfter = (paging.sent().get(0).atMillis() - startedAt) / 1000;
    long secondLevelAfter = (paging.sent().get(1).atMillis() - startedAt) / 1000;
    assertTrue(firstLevelAfter >= 3, "level 1 fired after " + firstLevelAfter + " s, before planning ended");
    assertTrue(
        secondLevelAfter >= LEVEL_SECONDS && secondLevelAfter < LEVEL_SECONDS + 2,
        "level 2 fired after " + secondLevelAfter + " s: the slow start pushed it back");
  }

  /** Each page then gets a send of its own under its id, which answers what was recorded: no failover. */
  @Test
  void aLevelSendThatGivesUpHandsEachPageToItsOwnSendInsteadOfFailingThemAll() {
    startWith(
        plan(0, FinalAction.MARK_UNACKNOWLEDGED, level(LEVEL_SECONDS, List.of(PageChannel.SLACK, PageChannel.SMS), "alice")),
        FakePaging::levelSendsGivingUp);
    env.sleep(Duration.ofSeconds(30));
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("alice", "slack"));
    result();

    assertEquals(1, paging.levelSends());
    assertEquals(List.of("alice@SLACK"), paging.addresses(), "alice's SMS, her next contact, was not paged");
    assertEquals(List.of(), paging.notes());
  }

  @Test
  void anAcknowledgementAtTheLastLevelEndsIt() {
    start(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED));
    env.sleep(Duration.ofSeconds(2 * LEVEL_SECONDS + 10));
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("carol", "voice"));
    EscalationResult result = result();

    assertEquals(List.of("alice@SLACK", "bob@SLACK", "carol@SLACK"), paging.addresses());
    assertEquals("voice", result.settlement().via());
  }

  @Test
  void aPolicyThatRunsOutRepeatsThenMarksTheIncidentUnacknowledged() {
    start(threeLevels(1, FinalAction.MARK_UNACKNOWLEDGED));
    EscalationResult result = result();

    assertNull(result.settlement());
    assertEquals(
        List.of("alice@SLACK", "bob@SLACK", "carol@SLACK", "alice@SLACK", "bob@SLACK", "carol@SLACK"),
        paging.addresses());
    assertEquals(6, result.pagesSent());
    assertEquals(List.of(FinalAction.MARK_UNACKNOWLEDGED), paging.exhausted());
    assertEquals(List.of(), paging.settled());
  }

  @Test
  void aPolicyThatRunsOutPagesItsFallbackOnce() {
    EscalationLevel fallback = level(60, List.of(PageChannel.SLACK), "duty-manager");
    EscalationPlan plan = threeLevels(0, FinalAction.NOTIFY_FALLBACK);
    start(new EscalationPlan(plan.policy(), plan.levels(), 0, FinalAction.NOTIFY_FALLBACK, fallback, "4821"));
    result();

    assertEquals(
        List.of("alice@SLACK", "bob@SLACK", "carol@SLACK", "duty-manager@SLACK"), paging.addresses());
    assertEquals(List.of(FinalAction.NOTIFY_FALLBACK), paging.exhausted());
    // One send activity per level, the fallback's included.
    assertEquals(4, paging.levelSends());
    // Bookkeeping runs as local activities: every workflow task replays, and each ran exactly once.
    assertEquals(
        List.of("plan", "recipients alice", "recipients bob", "recipients carol", "recipients duty-manager"),
        paging.lookups());
    RecordedHistories.saveIfRequested(client, ID, "escalation-ran-out-levels-ahead");
  }

  @Test
  void theFallbacksFailedSendMovesOnBeforeThePolicyIsMarkedExhausted() {
    // The fallback level has no delay: marking the escalation exhausted at once withdrew its queued
    // page in production, and a failed send never reached the next contact.
    EscalationLevel fallback =
        new EscalationLevel(
            List.of(new PageTarget(TargetKind.PERSON, "duty-manager")), List.of(PageChannel.SLACK, PageChannel.SMS), 0);
    EscalationPlan plan = plan(0, FinalAction.NOTIFY_FALLBACK, level(LEVEL_SECONDS, List.of(PageChannel.SLACK), "alice"));
    startWith(
        new EscalationPlan(plan.policy(), plan.levels(), 0, FinalAction.NOTIFY_FALLBACK, fallback, "4821"),
        fake -> fake.answer("duty-manager@SLACK", PageDelivery.FAILED));
    result();

    assertEquals(List.of("alice@SLACK", "duty-manager@SLACK", "duty-manager@SMS"), paging.addresses());
    assertEquals(List.of(FinalAction.NOTIFY_FALLBACK), paging.exhausted());
  }

  @Test
  void aResolutionMidWayStopsPagingAndTellsThoseAlreadyPaged() {
    start(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED));
    env.sleep(Duration.ofSeconds(LEVEL_SECONDS + 10));
    Settlement monitor = new Settlement(SettleAction.RESOLVE, "alertmanager", "monitor", env.currentTimeMillis(), false);
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, monitor);
    EscalationResult result = result();

    assertEquals(List.of("alice@SLACK", "bob@SLACK"), paging.addresses());
    assertEquals(List.of(monitor), paging.settled());
    assertEquals(SettleAction.RESOLVE, result.settlement().action());
  }

  @Test
  void anOptedOutNumberMovesToTheNextChannelAtOnce() {
    EscalationPlan plan =
        plan(0, FinalAction.MARK_UNACKNOWLEDGED, level(LEVEL_SECONDS, List.of(PageChannel.SMS, PageChannel.VOICE), "alice"));
    startWith(plan, fake -> fake.answer("alice@SMS", PageDelivery.OPTED_OUT));
    env.sleep(Duration.ofSeconds(5));
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("alice", "voice"));
    result();

    assertEquals(List.of("alice@SMS", "alice@VOICE"), paging.addresses());
    assertTrue(paging.sent().get(1).atMillis() - startedAt < 2_000, "voice waited for the level");
    assertTrue(paging.notes().stream().anyMatch(n -> n.startsWith("page-opted_out: alice over sms")), paging.notes().toString());
    RecordedHistories.saveIfRequested(client, ID, "escalation-opted-out-then-acknowledged-levels-ahead");
  }

  @Test
  void aDeliveryFailureReportedLaterMovesToTheNextChannelBeforeTheLevelEnds() {
    EscalationPlan plan =
        plan(0, FinalAction.MARK_UNACKNOWLEDGED, level(LEVEL_SECONDS, List.of(PageChannel.SMS, PageChannel.VOICE), "alice"));
    startWith(plan, fake -> {});
    env.sleep(Duration.ofSeconds(40));
    String smsPage = paging.sent().get(0).page().pageId();
    escalation().signal(EscalationWorkflow.DELIVERY_SIGNAL, new PageOutcome(smsPage, PageDelivery.FAILED, "30003 unreachable"));
    env.sleep(Duration.ofSeconds(5));

    assertEquals(List.of("alice@SMS", "alice@VOICE"), paging.addresses());
    long voiceAfter = (paging.sent().get(1).atMillis() - startedAt) / 1000;
    assertTrue(voiceAfter >= 40 && voiceAfter < 46, "voice after " + voiceAfter + " s");

    escalation().signal(EscalationWorkflow.DELIVERY_SIGNAL, new PageOutcome(smsPage, PageDelivery.FAILED, "again"));
    env.sleep(Duration.ofSeconds(5));
    assertEquals(2, paging.sent().size(), "a repeated failure report moved on twice");
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("alice", "voice"));
    assertEquals("alice", result().settlement().by());
    RecordedHistories.saveIfRequested(client, ID, "escalation-failed-delivery-then-acknowledged-levels-ahead");
  }

  @Test
  void duplicateAcknowledgementsSettleOnceAndTheFirstWins() {
    start(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED));
    env.sleep(Duration.ofSeconds(10));
    WorkflowStub escalation = escalation();
    escalation.signal(EscalationWorkflow.SETTLE_SIGNAL, ack("alice", "slack"));
    escalation.signal(EscalationWorkflow.SETTLE_SIGNAL, ack("alice", "sms"));
    escalation.signal(EscalationWorkflow.SETTLE_SIGNAL, ack("bob", "api"));
    EscalationResult result = result();

    assertEquals(1, paging.settled().size());
    assertEquals("slack", paging.settled().get(0).via());
    assertEquals("alice", result.settlement().by());
  }

  @Test
  void anAcknowledgementRacingALevelChangeStopsEveryLaterPage() {
    start(threeLevels(0, FinalAction.MARK_UNACKNOWLEDGED));
    env.sleep(Duration.ofSeconds(LEVEL_SECONDS));
    escalation().signal(EscalationWorkflow.SETTLE_SIGNAL, ack("alice", "slack"));
    long settledAt = env.currentTimeMillis();
    result();
    env.sleep(Duration.ofHours(1));

    assertTrue(paging.sent().size() <= 2, paging.addresses().toString());
    assertTrue(paging.sent().stream().allMatch(s -> s.atMillis() <= settledAt), "a page went out after the acknowledgement");
    assertEquals(1, paging.settled().size());
  }

  private void start(EscalationPlan plan) {
    startWith(plan, fake -> {});
  }

  private void startWith(EscalationPlan plan, java.util.function.Consumer<FakePaging> setUp) {
    env = CachelessEnvironment.newInstance();
    paging = new FakePaging(env::currentTimeMillis, plan);
    setUp.accept(paging);
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(EscalationWorkflowImpl.class);
    paging.registerOn(env, QUEUE, worker);
    env.start();
    client = env.getWorkflowClient();
    startedAt = env.currentTimeMillis();
    EscalationWorkflow escalation =
        client.newWorkflowStub(
            EscalationWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(ID).setTaskQueue(QUEUE).build());
    WorkflowClient.start(
        escalation::run,
        new EscalationRequest("incident-1", "incident-1", null, null, plan.policy(), "HostDown on db-1", "CRITICAL", null));
  }

  private WorkflowStub escalation() {
    return client.newUntypedWorkflowStub(ID);
  }

  private EscalationResult result() {
    return escalation().getResult(EscalationResult.class);
  }

  private Settlement ack(String by, String via) {
    return new Settlement(SettleAction.ACKNOWLEDGE, by, via, env.currentTimeMillis(), true);
  }

  private static EscalationPlan threeLevels(int repeat, FinalAction finalAction) {
    return plan(
        repeat,
        finalAction,
        level(LEVEL_SECONDS, List.of(PageChannel.SLACK), "alice"),
        level(LEVEL_SECONDS, List.of(PageChannel.SLACK), "bob"),
        level(LEVEL_SECONDS, List.of(PageChannel.SLACK), "carol"));
  }
}
