package dev.remedia.activities.store;

import static dev.remedia.activities.store.PagingFixtures.T0;
import static dev.remedia.activities.store.PagingFixtures.freeReplyCode;
import static dev.remedia.activities.store.PagingFixtures.newIncidentId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.SettleAction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Escalations and their notes against a real PostgreSQL (embedded, or REMEDIA_TEST_DATABASE_URL). */
@Timeout(60)
class EscalationStoreTest {

  private final EscalationStore escalations = new EscalationStore(TestDatabases.shared().dsl());

  @Test
  void aStartedEscalationReadsBackAndARetryKeepsTheFirstPlan() {
    String incident = newIncidentId();
    String code = freeReplyCode(escalations);
    NewEscalation first = escalation(incident, "{\"policy\":\"default\"}", code);

    assertEquals(EscalationStore.Start.STARTED, escalations.start(first));
    assertEquals(
        EscalationStore.Start.ALREADY_PAGING,
        escalations.start(escalation(incident, "{\"policy\":\"other\"}", freeReplyCode(escalations))));

    StoredEscalation stored = escalations.find(first.id()).orElseThrow();
    assertEquals(EscalationStatus.PAGING, stored.status());
    assertEquals(code, stored.replyCode());
    assertEquals("{\"policy\": \"default\"}", stored.planJson());
    assertEquals(incident, stored.incidentId());
    assertEquals(T0, stored.startedAt());
    assertTrue(escalations.replyCodesInUse().contains(code));
  }

  @Test
  void aReplyCodeIsHeldByOnePagingEscalationAndFreedWhenItSettles() {
    String code = freeReplyCode(escalations);
    NewEscalation holder = escalation(newIncidentId(), "{}", code);
    NewEscalation other = escalation(newIncidentId(), "{}", code);
    escalations.start(holder);

    assertEquals(EscalationStore.Start.REPLY_CODE_TAKEN, escalations.start(other));
    assertTrue(escalations.find(other.id()).isEmpty());

    assertTrue(escalations.settle(holder.id(), SettleAction.ACKNOWLEDGE, "Alice", "slack", T0.plusSeconds(60)));
    assertEquals(EscalationStore.Start.STARTED, escalations.start(other));
    assertEquals(code, escalations.find(other.id()).orElseThrow().replyCode());
  }

  @Test
  void theFirstSettlementIsKeptAndRunningOutAfterwardsChangesNothing() {
    NewEscalation escalation = escalation(newIncidentId(), "{}", freeReplyCode(escalations));
    escalations.start(escalation);

    assertTrue(escalations.settle(escalation.id(), SettleAction.ACKNOWLEDGE, "Alice", "sms", T0.plusSeconds(60)));
    assertFalse(
        escalations.settle(escalation.id(), SettleAction.RESOLVE, "alertmanager", "alertmanager", T0.plusSeconds(90)));
    escalations.exhaust(escalation.id(), FinalAction.MARK_UNACKNOWLEDGED, T0.plusSeconds(120));

    StoredEscalation stored = escalations.find(escalation.id()).orElseThrow();
    assertEquals(EscalationStatus.ACKNOWLEDGED, stored.status());
    assertEquals(SettleAction.ACKNOWLEDGE, stored.settledAction());
    assertEquals("Alice", stored.settledBy());
    assertEquals("sms", stored.settledVia());
    assertEquals(T0.plusSeconds(60), stored.settledAt());
    assertNull(stored.replyCode());
    assertNull(stored.finalAction());
  }

  @Test
  void runningOutIsRecordedOnceAndFreesTheCode() {
    NewEscalation escalation = escalation(newIncidentId(), "{}", freeReplyCode(escalations));
    escalations.start(escalation);

    escalations.exhaust(escalation.id(), FinalAction.NOTIFY_FALLBACK, T0.plusSeconds(600));
    escalations.exhaust(escalation.id(), FinalAction.MARK_UNACKNOWLEDGED, T0.plusSeconds(900));

    StoredEscalation stored = escalations.find(escalation.id()).orElseThrow();
    assertEquals(EscalationStatus.EXHAUSTED, stored.status());
    assertEquals(FinalAction.NOTIFY_FALLBACK, stored.finalAction());
    assertEquals(T0.plusSeconds(600), stored.endedAt());
    assertNull(stored.replyCode());
  }

  /** The incident was paged again under the same workflow id after the first escalation ended. */
  @Test
  void anEndedEscalationStartsOverWhenItsWorkflowIdIsUsedAgain() {
    String incident = newIncidentId();
    escalations.start(escalation(incident, "{\"n\":1}", freeReplyCode(escalations)));
    escalations.settle("escalation/" + incident, SettleAction.RESOLVE, "grafana", "grafana", T0.plusSeconds(5));
    String code = freeReplyCode(escalations);

    assertEquals(EscalationStore.Start.STARTED, escalations.start(escalation(incident, "{\"n\":2}", code)));

    StoredEscalation stored = escalations.find("escalation/" + incident).orElseThrow();
    assertEquals(EscalationStatus.PAGING, stored.status());
    assertEquals("{\"n\": 2}", stored.planJson());
    assertEquals(code, stored.replyCode());
    assertNull(stored.settledAction());
    assertNull(stored.settledBy());
    assertNull(stored.endedAt());
  }

  @Test
  void aNoteLandsOnceUnderTheEscalationsIncident() {
    String incident = newIncidentId();
    String id = PagingFixtures.paging(escalations, incident);

    escalations.note(id, "run-1/5", "contact-skipped", "Alice: sms is not configured", T0.plusSeconds(1));
    escalations.note(id, "run-1/5", "contact-skipped", "Alice: sms is not configured", T0.plusSeconds(2));
    escalations.note(id, "run-1/9", "delivery-failed", "sms to Alice failed", T0.plusSeconds(3));

    assertEquals(
        List.of(
            new EscalationNote(id, incident, T0.plusSeconds(1), "contact-skipped", "Alice: sms is not configured"),
            new EscalationNote(id, incident, T0.plusSeconds(3), "delivery-failed", "sms to Alice failed")),
        escalations.notesOfIncident(incident));
  }

  private static NewEscalation escalation(String incidentId, String planJson, String code) {
    return new NewEscalation(
        "escalation/" + incidentId, incidentId, incidentId, null, "default", planJson, code, T0);
  }
}
