package dev.remedia.api.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.workflows.paging.Contact;
import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageRequest;
import io.temporal.client.WorkflowClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Dev mode without REMEDIA_CONFIG runs on the bundled example: a rotation, and critical alerts routed to paging. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DevExampleApiTest extends ApiTestSupport {

  @Inject PagingStores stores;
  @Inject WorkflowClient temporal;

  @Test
  void theExampleRotationIsOnCall() {
    JsonNode schedules = json(get("/api/oncall")).get("schedules");

    assertEquals(1, schedules.size(), schedules.toString());
    assertEquals("primary", schedules.get(0).get("name").asText());
    assertTrue(schedules.get(0).get("onCall").get("name").asText().matches("alice|bob"), schedules.toString());
  }

  @Test
  void oneCriticalEventIsRoutedToPagingAndAWarningIsNot() {
    HttpResponse<String> critical = postEvent("critical");
    HttpResponse<String> warning = postEvent("warning");

    assertEquals(202, critical.statusCode(), critical.body());
    assertEquals("critical-pages", json(critical).get("incidents").get(0).get("route").asText());
    assertEquals(202, warning.statusCode(), warning.body());
    assertTrue(json(warning).get("incidents").get(0).get("route").isNull(), warning.body());
  }

  @Test
  void anAcknowledgementThroughTheApiWithdrawsWaitingPagesBeforeTheEscalationRecordsIt() {
    String alertId = json(postEvent("critical")).get("incidents").get(0).get("alertIds").get(0).asText();
    String incidentId = eventually(() -> incidentOf(alertId));
    eventually(() -> paging(incidentId));

    HttpResponse<String> ack =
        post("/api/incidents/" + incidentId + "/ack", "application/json", "{\"by\": \"alice\"}");

    assertEquals(202, ack.statusCode(), ack.body());
    // Set by the API itself before it signals, and firm once Temporal took the answer: the
    // escalation, when it records the settlement, leaves this alone.
    assertNotNull(
        stores.escalations().find(EscalationWorkflow.workflowId(incidentId)).orElseThrow().stopRequestedAt());
    PageRequest waiting =
        new PageRequest(
            UUID.randomUUID().toString(), EscalationWorkflow.workflowId(incidentId), incidentId, 0, 0, "bob",
            new Contact(PageChannel.CONSOLE, "bob"), "waiting", "CRITICAL", null, "1234");
    stores.pages().claim(waiting, Instant.now());
    assertEquals(Set.of(), stores.pages().handOver(List.of(waiting.pageId())));
  }

  @Test
  void anAcknowledgementTemporalRefusesLeavesPagingAsItWas() {
    String alertId = json(postEvent("critical")).get("incidents").get(0).get("alertIds").get(0).asText();
    String incidentId = eventually(() -> incidentOf(alertId));
    eventually(() -> paging(incidentId));
    String incidentWorkflowId = json(get("/api/incidents/" + incidentId)).get("workflowId").asText();
    temporal.newUntypedWorkflowStub(incidentWorkflowId).terminate("the incident's workflow is gone");

    HttpResponse<String> ack =
        post("/api/incidents/" + incidentId + "/ack", "application/json", "{\"by\": \"alice\"}");

    assertEquals(409, ack.statusCode(), ack.body());
    // The stop marked before signalling went with the refusal: the escalation still pages.
    assertNull(stores.escalations().find(EscalationWorkflow.workflowId(incidentId)).orElseThrow().stopRequestedAt());
  }

  private String incidentOf(String alertId) {
    JsonNode incidentId = json(get("/api/alerts/" + alertId)).get("incidentId");
    return incidentId == null || incidentId.isNull() ? null : incidentId.asText();
  }

  private Boolean paging(String incidentId) {
    return stores.escalations().find(EscalationWorkflow.workflowId(incidentId)).isPresent() ? true : null;
  }

  private HttpResponse<String> postEvent(String severity) {
    return post(
        "/webhooks/events",
        "application/json",
        """
        {"event_action": "trigger", "dedup_key": "disk/%s",
         "payload": {"summary": "Disk /srv on nas-1 is 97%% full", "source": "nas-1", "severity": "%s"}}
        """
            .formatted(UUID.randomUUID(), severity));
  }
}
