package dev.remedia.api.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.store.ChallengeStore;
import dev.remedia.activities.store.RunClaimStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.api.ApiTestSupport;
import dev.remedia.workflows.runbook.RunStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code /api/certificates}, the ACME challenge route, and one cert-renewal per endpoint at a time. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class CertificatesApiTest extends ApiTestSupport {

  @Inject RunStore runs;
  @Inject RunClaimStore claims;
  @Inject ChallengeStore challenges;

  @Test
  void anEndpointThatIsNotHostAndPortIsABadRequest() {
    HttpResponse<String> response = get("/api/certificates/no-port-here");

    assertEquals(400, response.statusCode());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("endpoint must be host:port, like web.example.org:443", json(response).get("detail").asText());
  }

  @Test
  void anEndpointNeverProbedIsNotFound() {
    HttpResponse<String> response = get("/api/certificates/never.example.org:443");

    assertEquals(404, response.statusCode());
    assertTrue(json(response).get("detail").asText().startsWith("no certificate known for never.example.org:443"));
  }

  @Test
  void aPendingHttp01TokenIsAnsweredWithItsKeyAuthorizationAndAnUnknownOneIsNot() {
    String token = "tok_" + UUID.randomUUID().toString().replace("-", "");
    challenges.put(token, token + ".thumbprint", "cert-renewal-x", Instant.now());

    HttpResponse<String> answered = get("/.well-known/acme-challenge/" + token);
    HttpResponse<String> unknown = get("/.well-known/acme-challenge/nope");
    HttpResponse<String> hostile = get("/.well-known/acme-challenge/a%27%3B--");

    assertEquals(200, answered.statusCode());
    assertEquals(token + ".thumbprint", answered.body());
    assertEquals(404, unknown.statusCode());
    assertEquals(404, hostile.statusCode());
  }

  @Test
  void aSecondRenewalOfAnEndpointJoinsTheRunningOneAndOneThatEndedDoesNot() {
    String endpoint = "join-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org:443";
    String running = "cert-renewal-" + UUID.randomUUID();
    runs.recordStarted(running, "cert-renewal", "{}", Instant.now());
    assertEquals(running, claims.claim("cert-renewal:" + endpoint, running, Instant.now(), id -> true));
    String body = "{\"endpoint\": \"" + endpoint.toUpperCase() + "\", \"deployTarget\": \"web\"}";

    HttpResponse<String> joined = post("/api/runbooks/cert-renewal/runs", "application/json", body);

    assertEquals(200, joined.statusCode(), joined.body());
    JsonNode answer = json(joined);
    assertEquals(running, answer.get("id").asText());
    assertTrue(answer.get("joined").asBoolean());
    assertEquals("RUNNING", answer.get("status").asText());

    runs.recordEnded(running, RunStatus.FAILED, null, "done", Instant.now());
    HttpResponse<String> started = post("/api/runbooks/cert-renewal/runs", "application/json", body);

    assertEquals(202, started.statusCode(), started.body());
    assertNotEquals(running, json(started).get("id").asText());
  }

  @Test
  void aRenewalInputThatCannotWorkIsABadRequestNamingTheField() {
    HttpResponse<String> response =
        post("/api/runbooks/cert-renewal/runs", "application/json", "{\"endpoint\": \"web.example.org:99999\", \"deployTarget\": \"web\"}");

    assertEquals(400, response.statusCode());
    assertEquals("endpoint must end with a port from 1 to 65535, like :443", json(response).get("detail").asText());
  }
}
