package dev.remedia.activities.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.workflows.probe.HttpProbeActivities.HttpProbeRequest;
import dev.remedia.workflows.probe.HttpProbeActivities.HttpProbeResult;
import dev.remedia.workflows.runbook.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HttpProbeActivitiesImplTest {

  private final HttpProbeActivitiesImpl probe = HttpProbeActivitiesImpl.withDefaultClient();

  @Test
  void plainHttpReportsStatusAndLatencyWithoutCertificate() throws Exception {
    try (LocalWebServer server = LocalWebServer.http(200, 0)) {
      HttpProbeResult result = probe.probe(new HttpProbeRequest(server.url("http"), null, 5));

      assertEquals(200, result.statusCode());
      assertTrue(result.latencyMillis() >= 0);
      assertNull(result.certificate());
    }
  }

  @Test
  void httpsReportsTheServedCertificate() throws Exception {
    try (LocalWebServer server = LocalWebServer.https(200)) {
      HttpProbeActivitiesImpl trusting =
          new HttpProbeActivitiesImpl(HttpClient.newBuilder().sslContext(server.trustingClientContext()).build());

      HttpProbeResult result = trusting.probe(new HttpProbeRequest(server.url("https"), null, 5));

      assertEquals("CN=localhost", result.certificate().subject());
      assertEquals("CN=localhost", result.certificate().issuer());
      Instant in30Days = Instant.now().plus(Duration.ofDays(30));
      assertTrue(Duration.between(result.certificate().notAfter(), in30Days).abs().toHours() < 2);
    }
  }

  @Test
  void anUntrustedCertificateIsAPermanentFailure() throws Exception {
    try (LocalWebServer server = LocalWebServer.https(200)) {
      ApplicationFailure failure = probeFails(server.url("https"), null);

      assertEquals(FailureType.TLS_HANDSHAKE_FAILED.name(), failure.getType());
      assertTrue(failure.isNonRetryable());
      assertTrue(failure.getOriginalMessage().startsWith("TLS handshake failed: "));
    }
  }

  @Test
  void serverErrorsAreRetryable() throws Exception {
    try (LocalWebServer server = LocalWebServer.http(503, 0)) {
      ApplicationFailure failure = probeFails(server.url("http"), null);

      assertEquals(FailureType.SERVER_ERROR.name(), failure.getType());
      assertFalse(failure.isNonRetryable());
      assertEquals("server answered HTTP 503", failure.getOriginalMessage());
    }
  }

  @Test
  void clientErrorsArePermanentUnlessExpected() throws Exception {
    try (LocalWebServer server = LocalWebServer.http(404, 0)) {
      ApplicationFailure failure = probeFails(server.url("http"), null);
      assertEquals(FailureType.UNEXPECTED_STATUS.name(), failure.getType());
      assertTrue(failure.isNonRetryable());

      assertEquals(404, probe.probe(new HttpProbeRequest(server.url("http"), 404, 5)).statusCode());
    }
  }

  @Test
  void anUnexpectedSuccessStatusIsPermanent() throws Exception {
    try (LocalWebServer server = LocalWebServer.http(200, 0)) {
      ApplicationFailure failure = probeFails(server.url("http"), 204);
      assertEquals("expected HTTP 204 but got HTTP 200", failure.getOriginalMessage());
      assertTrue(failure.isNonRetryable());
    }
  }

  @Test
  void aRefusedConnectionIsRetryableAndSaysSo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ApplicationFailure failure = probeFails("http://127.0.0.1:" + closedPort + "/", null);

    assertEquals(FailureType.UNREACHABLE.name(), failure.getType());
    assertFalse(failure.isNonRetryable());
    assertEquals("cannot connect: connection refused", failure.getOriginalMessage());
  }

  @Test
  void aServerSlowerThanTheTimeLimitIsRetryable() throws Exception {
    try (LocalWebServer server = LocalWebServer.http(200, 3_000)) {
      ApplicationFailure failure =
          assertThrows(
              ApplicationFailure.class, () -> probe.probe(new HttpProbeRequest(server.url("http"), null, 1)));

      assertEquals(FailureType.UNREACHABLE.name(), failure.getType());
      assertEquals("no answer within the time limit", failure.getOriginalMessage());
    }
  }

  private ApplicationFailure probeFails(String url, Integer expectedStatus) {
    return assertThrows(ApplicationFailure.class, () -> probe.probe(new HttpProbeRequest(url, expectedStatus, 5)));
  }
}
