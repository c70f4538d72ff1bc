package dev.remedia.activities.paging;

import static dev.remedia.activities.store.PagingFixtures.newIncidentId;
import static dev.remedia.activities.store.PagingFixtures.newPhone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.store.PageStatus;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.incident.AlertBatch;
import dev.remedia.workflows.incident.IncidentJournalActivities.IncidentRecord;
import dev.remedia.workflows.incident.IncidentState;
import dev.remedia.workflows.incident.IncidentStatus;
import dev.remedia.workflows.incident.IncidentWorkflow;
import dev.remedia.workflows.incident.Severity;
import dev.remedia.workflows.paging.Contact;
import dev.remedia.workflows.paging.EscalationPlan;
import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.paging.EscalationResult;
import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageDelivery;
import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.PageRequest;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import dev.remedia.activities.store.PagingFixtures;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers from channels reaching the escalation workflow: a stand-in workflow registered under the
 * escalation's type records the signals it receives. Pages and escalations live in a real PostgreSQL.
 */
@Timeout(60)
class PageAnswerServiceTest {

  private static final String TASK_QUEUE = "paging-answers-test";
  private static final Instant NOW = Instant.parse("2026-11-21T14:02:00Z");
  private static final BlockingQueue<PageOutcome> DELIVERIES = new LinkedBlockingQueue<>();
  private static final BlockingQueue<List<Object>> INCIDENT_SETTLEMENTS = new LinkedBlockingQueue<>();

  /** Stands in for the incident workflow: keeps every settlement it is sent, with its address. */
  public static class RecordingIncident implements IncidentWorkflow {

    @Override
    public void run(IncidentState carried) {
      Workflow.await(() -> false);
    }

    @Override
    public void alerts(AlertBatch batch) {}

    @Override
    public void settle(String incidentId, Settlement settlement) {
      INCIDENT_SETTLEMENTS.add(List.of(incidentId, settlement));
    }
  }

  /** Stands in for the escalation workflow: ends with the first settlement, keeps delivery reports. */
  public static class RecordingEscalation implements EscalationWorkflow {

    private Settlement settlement;

    @Override
    public EscalationResult run(EscalationRequest request) {
      Workflow.await(() -> settlement != null);
      return new EscalationResult(settlement, 0);
    }

    @Override
    public void settle(Settlement settlement) {
      if (this.settlement == null) {
        this.settlement = settlement;
      }
    }

    @Override
    public void delivery(PageOutcome outcome) {
      DELIVERIES.add(outcome);
    }
  }

  private final PagingStores stores = PagingStores.of(TestDatabases.shared().dsl());
  private final IncidentStore incidents = new IncidentStore(TestDatabases.shared().dsl());
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Person alice = new Person("Alice", "U0ALICE", newPhone(), List.of(), null);
  private final OnCallDirectory directory = new OnCallDirectory(List.of(alice), List.of(), List.of());
  private final String incident = newIncidentId();
  private final String escalationId = EscalationWorkflow.workflowId(incident);
  private TestWorkflowEnvironment temporal;
  private PageAnswerService answers;
  private EscalationPlan plan;

  @BeforeEach
  void startTemporalAndAnEscalation() {
    DELIVERIES.clear();
    INCIDENT_SETTLEMENTS.clear();
    temporal = TestWorkflowEnvironment.newInstance();
    temporal
        .newWorker(TASK_QUEUE)
        .registerWorkflowImplementationTypes(RecordingEscalation.class, RecordingIncident.class);
    temporal.start();
    answers =
        new PageAnswerService(
            temporal.getWorkflowClient(), () -> directory, stores, incidents, new RemediaCounters(meters),
            Clock.fixed(NOW, ZoneOffset.UTC));
    plan = planned(escalationId);
    EscalationWorkflow started =
        temporal
            .getWorkflowClient()
            .newWorkflowStub(
                EscalationWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(escalationId).setTaskQueue(TASK_QUEUE).build());
    WorkflowClient.start(started::run, request());
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void aSlackClickFromSomeoneOnCallSettlesTheEscalation() {
    PageRequest page = sent(PageChannel.SLACK, "U0ALICE", "C1:1.1");

    AnswerResult result = clicked(page, "U0ALICE");

    assertEquals(new AnswerResult(AnswerResult.Outcome.ACCEPTED, "Acknowledged by Alice. Paging stops."), result);
    // Pages still waiting in a lane are withdrawn at once, before the escalation records anything.
    PageRequest waiting = PagingFixtures.page(escalationId, null, PageChannel.SLACK, "U0BOB");
    stores.pages().claim(waiting, NOW);
    assertEquals(Set.of(), stores.pages().handOver(List.of(waiting.pageId())));
    assertEquals(
        new Settlement(SettleAction.ACKNOWLEDGE, "Alice", "slack", NOW.toEpochMilli(), true),
        escalationResult().settlement());
  }

  @Test
  void anSmsReplyWithTheReplyCodeFromThePagedNumberSettlesTheEscalation() {
    sent(PageChannel.SMS, alice.phone(), "SM1");

    AnswerResult result =
        answers.answer(new PageAnswer(PageChannel.SMS, null, plan.replyCode(), alice.phone(), SettleAction.RESOLVE));

    assertEquals(AnswerResult.Outcome.ACCEPTED, result.outcome());
    assertEquals(
        new Settlement(SettleAction.RESOLVE, "Alice", "sms", NOW.toEpochMilli(), true),
        escalationResult().settlement());
  }

  @Test
  void someoneNotInTheConfigurationIsNotAllowed() {
    PageRequest page = sent(PageChannel.SLACK, "U0ALICE", "C1:1.1");

    AnswerResult result = clicked(page, "U0STRANGER");

    assertEquals(AnswerResult.Outcome.NOT_ALLOWED, result.outcome());
  }

  @Test
  void aCodeNoPageToThatNumberCarriesIsUnknown() {
    sent(PageChannel.SMS, alice.phone(), "SM1");
    String wrong = plan.replyCode().equals("1000") ? "1001" : "1000";

    AnswerResult result =
        answers.answer(new PageAnswer(PageChannel.SMS, null, wrong, alice.phone(), SettleAction.ACKNOWLEDGE));

    assertEquals(
        new AnswerResult(AnswerResult.Outcome.UNKNOWN_PAGE, "No page to this number has the code " + wrong + "."),
        result);
  }

  @Test
  void aSettledEscalationSaysWhoSettledItHowAndWhen() {
    PageRequest page = sent(PageChannel.SLACK, "U0ALICE", "C1:1.1");
    stores.escalations().settle(escalationId, SettleAction.ACKNOWLEDGE, "Bob", "sms", NOW.minusSeconds(240));

    AnswerResult result = clicked(page, "U0ALICE");

    assertEquals(
        new AnswerResult(AnswerResult.Outcome.ALREADY_SETTLED, "Already acknowledged by Bob via sms at 13:58 UTC."),
        result);
  }

  @Test
  void anAnswerAfterTheEscalationEndedIsAlreadySettled() {
    PageRequest page = sent(PageChannel.SLACK, "U0ALICE", "C1:1.1");
    escalation().settle(new Settlement(SettleAction.RESOLVE, "grafana", "grafana", NOW.toEpochMilli(), false));
    escalationResult();

    AnswerResult result = clicked(page, "U0ALICE");

    assertEquals(new AnswerResult(AnswerResult.Outcome.ALREADY_SETTLED, "Paging already stopped."), result);
    // The stop marked before handing the answer over is withdrawn with it: the answer settled nothing.
    assertNull(stores.escalations().find(escalationId).orElseThrow().stopRequestedAt());
  }

  @Test
  void aLateAnswerToAPolicyThatRanOutAcknowledgesTheIncidentItself() throws Exception {
    PageRequest page = sent(PageChannel.SLACK, "U0ALICE", "C1:1.1");
    incidentRecorded(IncidentStatus.OPEN);
    stores.escalations().exhaust(escalationId, FinalAction.MARK_UNACKNOWLEDGED, NOW.minusSeconds(30));

    AnswerResult result = clicked(page, "U0ALICE");

    assertEquals(
        new AnswerResult(
            AnswerResult.Outcome.ACCEPTED,
            "Acknowledged by Alice. Paging had already stopped; the incident has your answer."),
        result);
    assertEquals(
        List.of(incident, new Settlement(SettleAction.ACKNOWLEDGE, "Alice", "slack", NOW.toEpochMilli(), true)),
        INCIDENT_SETTLEMENTS.poll(30, TimeUnit.SECONDS));
  }

  @Test
  void aLateAnswerToAPolicyThatRanOutOnAResolvedIncidentSaysSo() {
    PageRequest page = sent(PageChannel.SLACK, "U0ALICE", "C1:1.1");
    incidentRecorded(IncidentStatus.RESOLVED);
    stores.escalations().exhaust(escalationId, FinalAction.MARK_UNACKNOWLEDGED, NOW.minusSeconds(30));

    AnswerResult result = clicked(page, "U0ALICE");

    assertEquals(
        new AnswerResult(AnswerResult.Outcome.ALREADY_SETTLED, "Paging already stopped, and the incident is resolved."),
        result);
    assertNull(INCIDENT_SETTLEMENTS.poll());
  }

  @Test
  void aFailedDeliveryIsRecordedAndMovesTheEscalationOn() throws Exception {
    String ref = "SM-failed-" + UUID.randomUUID();
    PageRequest page = sent(PageChannel.SMS, alice.phone(), ref);

    answers.delivery(ref, PageDelivery.FAILED, "30003: unreachable handset");

    assertEquals(
        new PageOutcome(page.pageId(), PageDelivery.FAILED, "30003: unreachable handset"),
        DELIVERIES.poll(30, TimeUnit.SECONDS));
    assertEquals(PageStatus.FAILED, stores.pages().find(page.pageId()).orElseThrow().status());
  }

  /** How a level's send hands a page that moves on to its escalation ahead of the level's result. */
  @Test
  void aPageThatMovesOnIsSignalledToItsEscalationAndAGoneEscalationIsNoError() throws Exception {
    PageOutcome optedOut = new PageOutcome("page-1", PageDelivery.OPTED_OUT, "the number opted out of SMS (STOP)");

    EscalationReports.to(temporal.getWorkflowClient(), escalationId).accept(optedOut);
    EscalationReports.to(temporal.getWorkflowClient(), "escalation/gone").accept(optedOut);

    assertEquals(optedOut, DELIVERIES.poll(30, TimeUnit.SECONDS));
  }

  @Test
  void aConfirmedDeliveryIsRecordedWithoutTroublingTheEscalation() {
    String ref = "SM-delivered-" + UUID.randomUUID();
    PageRequest page = sent(PageChannel.SMS, alice.phone(), ref);

    answers.delivery(ref, PageDelivery.DELIVERED, null);
    answers.delivery(ref, PageDelivery.DELIVERED, null);
    escalation().settle(new Settlement(SettleAction.RESOLVE, "grafana", "grafana", NOW.toEpochMilli(), false));
    escalationResult();

    assertEquals(PageStatus.DELIVERED, stores.pages().find(page.pageId()).orElseThrow().status());
    assertNull(DELIVERIES.poll());
    assertEquals(
        1.0, meters.get("remedia.page.reports").tag("channel", "sms").tag("status", "delivered").counter().count(),
        "a repeated report changes nothing and is not counted again");
  }

  @Test
  void anOptOutReportedByTheChannelIsRemembered() throws Exception {
    String ref = "SM-stopped-" + UUID.randomUUID();
    PageRequest page = sent(PageChannel.SMS, alice.phone(), ref);

    answers.delivery(ref, PageDelivery.OPTED_OUT, "21610");

    assertEquals(PageDelivery.OPTED_OUT, DELIVERIES.poll(30, TimeUnit.SECONDS).delivery());
    assertEquals(PageStatus.OPTED_OUT, stores.pages().find(page.pageId()).orElseThrow().status());
    assertTrue(stores.optOuts().optedOut(alice.phone()));
  }

  @Test
  void stopAndStartKeywordsOptTheNumberOutAndBackIn() {
    answers.optOut(alice.phone(), true);
    assertTrue(stores.optOuts().optedOut(alice.phone()));

    answers.optOut(alice.phone(), false);
    assertFalse(stores.optOuts().optedOut(alice.phone()));
  }

  /** The incident's row and a stand-in for its running workflow. */
  private void incidentRecorded(IncidentStatus status) {
    String workflowId = "incident/test/" + incident;
    incidents.record(
        new IncidentRecord(
            incident, 1, workflowId, "test", incident, status, Severity.CRITICAL, "HostDown on host-a",
            null, null, null, "default", 1, 0, 1, NOW.minusSeconds(600).toEpochMilli(),
            NOW.toEpochMilli(), 0, 0, 0, List.of(), List.of(), List.of(), 0, null, null, null, null,
            escalationId));
    WorkflowClient.start(
        temporal
            .getWorkflowClient()
            .newWorkflowStub(
                IncidentWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(TASK_QUEUE).build())
            ::run,
        (IncidentState) null);
  }

  private AnswerResult clicked(PageRequest page, String slackUser) {
    return answers.answer(new PageAnswer(PageChannel.SLACK, page.pageId(), null, slackUser, SettleAction.ACKNOWLEDGE));
  }

  private EscalationWorkflow escalation() {
    return temporal.getWorkflowClient().newWorkflowStub(EscalationWorkflow.class, escalationId);
  }

  private EscalationResult escalationResult() {
    return temporal.getWorkflowClient().newUntypedWorkflowStub(escalationId).getResult(EscalationResult.class);
  }

  private EscalationPlan planned(String id) {
    OnCallDirectory withPolicy =
        new OnCallDirectory(
            List.of(alice), List.of(),
            List.of(new EscalationPolicy("default", List.of(), 0, FinalAction.MARK_UNACKNOWLEDGED, null)));
    PagingActivitiesImpl paging =
        new PagingActivitiesImpl(
            () -> withPolicy, stores, Map.of(), Pacing.STANDARD, new RemediaCounters(meters),
            Clock.fixed(NOW, ZoneOffset.UTC));
    return paging.plan(id, request());
  }

  private EscalationRequest request() {
    return new EscalationRequest(incident, incident, null, null, "default", "HostDown on host-a", "CRITICAL", null);
  }

  private PageRequest sent(PageChannel channel, String address, String providerRef) {
    PageRequest page =
        new PageRequest(
            escalationId + "/" + UUID.randomUUID(), escalationId, incident, 0, 0, "Alice",
            new Contact(channel, address), "HostDown on host-a", "CRITICAL", null, plan.replyCode());
    stores.pages().claim(page, NOW.minusSeconds(60));
    stores.pages().recordOutcome(page.pageId(), PageStatus.SENT, providerRef, null, NOW.minusSeconds(59));
    return page;
  }
}
