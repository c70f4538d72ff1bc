package dev.remedia.api.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.slack.StubSlackApi;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.workflows.paging.EscalationWorkflow;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The whole path with the real Slack SDK against a stub Slack: a critical alert in, a Block Kit page to
 * the on-call person out, a signed Acknowledge click back in; paging stops, the message is updated and
 * nothing more reaches Slack, although a second level was due.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SlackPagingEndToEndTest extends ApiTestSupport {

  private static final String EVENTS_TOKEN = "ev-token-e2e-31c9";
  private static final String ALICE = "U0ALICE01";
  private static final String BOB = "U0BOB0001";
  private static final String CONFIG =
      """
      webhooks:
        events: { token: %s }
      people:
        - { name: alice, slack: %s }
        - { name: bob, slack: %s }
      escalation-policies:
        - name: slack-ladder
          levels:
            - { notify: [ { person: alice } ], channels: [slack], delay: 20s }
            - { notify: [ { person: bob } ], channels: [slack], delay: 20s }
      routes:
        - name: critical-pages
          match: { severity: critical }
          escalation: slack-ladder
      """
          .formatted(EVENTS_TOKEN, ALICE, BOB);

  private final StubSlackApi slack = SlackEndToEnd.startSlack();

  @Inject WorkflowClient temporal;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.putAll(SlackEndToEnd.settings(slack));
    properties.putAll(operatorConfig(CONFIG));
    return properties;
  }

  @AfterAll
  void stopSlack() {
    slack.close();
  }

  @Test
  void aCriticalAlertPagesInSlackAndASignedClickStopsThePaging() {
    HttpResponse<String> accepted = trigger("disk/db-7/full");
    assertEquals(202, accepted.statusCode(), accepted.body());

    StubSlackApi.Received page = eventually(() -> firstPost());
    assertEquals("Bearer " + StubSlackApi.TOKEN, page.authorization());
    assertEquals(ALICE, page.form().get("channel"));
    String pageId = SlackEndToEnd.buttonValue(page.json("blocks"), "page.acknowledge");
    assertEquals(pageId, SlackEndToEnd.buttonValue(page.json("blocks"), "page.resolve"));

    HttpResponse<String> clicked = send(SlackEndToEnd.signedClick(baseUri(), slack, ALICE, "page.acknowledge", pageId));
    assertEquals(200, clicked.statusCode(), clicked.body());

    String incidentId = eventually(() -> incidentAcknowledgedBy("alice"));
    eventually(() -> escalationEnded(incidentId));

    JsonNode incident = json(get("/api/incidents/" + incidentId));
    assertEquals("slack", incident.get("acknowledgedVia").asText());
    assertEquals(1, incident.get("pages").size());
    Instant escalationStarted = Instant.parse(incident.get("escalationStartedAt").asText());
    assertFalse(
        escalationStarted.isAfter(Instant.parse(incident.get("pages").get(0).get("createdAt").asText())),
        "the escalation started after its first page: " + incident);
    assertEquals("SLACK", incident.get("pages").get(0).get("channel").asText());
    assertTrue(incident.get("pages").get(0).get("settleNotified").asBoolean(), slack.received().stream().map(StubSlackApi.Received::path).toList().toString());
    assertTrue(slack.last("chat.update").form().get("blocks").contains("Acknowledged by alice via slack"));
    List<StubSlackApi.Received> posts =
        slack.received().stream().filter(r -> r.path().equals("/api/chat.postMessage")).toList();
    assertEquals(1, posts.size(), "Slack got a page after the acknowledgement: " + posts);
    assertEquals(1, json(get("/api/pages?incident=" + incidentId)).get("items").size());
  }

  private StubSlackApi.Received firstPost() {
    return slack.received().stream()
        .filter(r -> r.path().equals("/api/chat.postMessage"))
        .findFirst()
        .orElse(null);
  }

  private String incidentAcknowledgedBy(String person) {
    JsonNode items = json(get("/api/incidents?source=events&status=ACKNOWLEDGED")).get("items");
    for (JsonNode item : items) {
      JsonNode incident = json(get("/api/incidents/" + item.get("id").asText()));
      if (person.equals(incident.path("acknowledgedBy").asText())) {
        return item.get("id").asText();
      }
    }
    return null;
  }

  private Boolean escalationEnded(String incidentId) {
    WorkflowExecutionStatus status =
        temporal.newUntypedWorkflowStub(EscalationWorkflow.workflowId(incidentId)).describe().getStatus();
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED ? true : null;
  }


  private HttpResponse<String> trigger(String dedupKey) {
    String body =
        """
        {"routing_key": "R0", "event_action": "trigger", "dedup_key": "%s",
         "payload": {"summary": "Disk full on db-7", "source": "db-7", "severity": "critical"}}
        """
            .formatted(dedupKey + "-" + UUID.randomUUID());
    return postWithToken("events", EVENTS_TOKEN, body);
  }
}
