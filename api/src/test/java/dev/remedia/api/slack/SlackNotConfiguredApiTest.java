package dev.remedia.api.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.paging.PageSender;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Without Slack settings (dev mode's default), there are no Slack pages and clicks find nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SlackNotConfiguredApiTest extends ApiTestSupport {

  @Inject RecordingPageAnswers answers;
  @Inject BeanContext beans;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put(RecordingPageAnswers.ENABLED, "true");
    return properties;
  }

  @Test
  void clicksAnswer404SayingWhatToSet() {
    long timestamp = Instant.now().getEpochSecond();
    String body = SlackInteractionsApiTest.click("U0ALICE", "page.acknowledge", "page-1", "https://hooks.slack.com/actions/T/1/x");

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(baseUri().resolve("/slack/interactions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", SlackInteractionsApiTest.signature("any-secret", timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertEquals(404, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "Slack is not configured here: set REMEDIA_SLACK_SIGNING_SECRET to take Slack button clicks",
        json(response).get("detail").asText());
    assertTrue(answers.answersFor("page-1").isEmpty());
  }

  @Test
  void noBotTokenMeansNoSlackPageSender() {
    assertTrue(beans.getBeansOfType(PageSender.class).isEmpty(), "no page sender: " + beans.getBeansOfType(PageSender.class));
  }
}
