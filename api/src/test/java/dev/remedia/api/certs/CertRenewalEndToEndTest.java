package dev.remedia.api.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.remedia.activities.certs.Nginx;
import dev.remedia.activities.certs.Pebble;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The whole renewal through Remedia: the sweep, started at boot from the configuration's inventory,
 * finds nginx's certificate due and starts cert-renewal; Pebble validates HTTP-01 against Remedia's own
 * {@code /.well-known/acme-challenge/} route; the deploy writes nginx's files and reloads it; the run
 * succeeds only once nginx serves the new certificate; {@code GET /api/certificates} shows it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class CertRenewalEndToEndTest extends ApiTestSupport {

  private static final String DOMAIN = "web.example.org";

  private Pebble pebble;
  private Nginx nginx;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path dir = Files.createTempDirectory("remedia-cert-e2e");
      int remediaPort = freePort();
      pebble = new Pebble(dir.resolve("pebble"), remediaPort, false);
      nginx = new Nginx(dir.resolve("nginx"), DOMAIN);
      Map<String, String> properties = new HashMap<>(super.getProperties());
      properties.put("micronaut.server.port", String.valueOf(remediaPort));
      properties.putAll(
          operatorConfig(
              """
              certificates:
                acme:
                  directory: %s
                  account-key: %s
                  trust: %s
                deploy-targets:
                  - name: web
                    key: %s
                    chain: %s
                    reload: [%s]
                inventory:
                  - endpoint: 127.0.0.1:%d
                    sni: %s
                    domains: [%s]
                    deploy: web
                sweep-interval: 1h
              """
                  .formatted(
                      pebble.directoryUrl(), dir.resolve("account.pem"), pebble.trust, nginx.key, nginx.chain,
                      String.join(", ", nginx.reloadCommand()), nginx.port, DOMAIN, DOMAIN)));
      return properties;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stopComponents() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
    if (pebble != null) {
      pebble.close();
    }
  }

  @Test
  void theSweepRenewsADueCertificateAndTheEndpointServesIt() {
    String endpoint = "127.0.0.1:" + nginx.port;

    JsonNode certificate =
        eventually(
            () -> {
              HttpResponse<String> response = get("/api/certificates/" + endpoint);
              JsonNode body = response.statusCode() == 200 ? json(response) : null;
              return body != null && !body.get("runId").isNull() ? body : null;
            });

    assertNotEquals("a1b", certificate.get("serial").asText());
    assertTrue(certificate.get("issuer").asText().contains("Pebble"), certificate.toString());
    assertTrue(certificate.get("daysLeft").asLong() > 30, certificate.toString());
    JsonNode run = json(get("/api/runs/" + certificate.get("runId").asText()));
    assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
    List<String> steps =
        StreamSupport.stream(run.get("steps").spliterator(), false)
            .map(step -> step.get("name").asText() + ":" + step.get("state").asText())
            .toList();
    assertEquals(
        List.of("probe:SUCCEEDED", "order:SUCCEEDED", "deploy:SUCCEEDED", "verify:SUCCEEDED", "record:SUCCEEDED"), steps);
    JsonNode listed = json(get("/api/certificates"));
    assertTrue(
        StreamSupport.stream(listed.spliterator(), false).anyMatch(c -> c.get("endpoint").asText().equals(endpoint)),
        listed.toString());
  }
}
