package dev.remedia.activities.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP hook deploy target against a real HTTP server on loopback. */
class HttpDeployTargetTest {

  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private volatile int status = 204;
  private HttpServer server;
  private HttpDeployTarget target;

  @BeforeEach
  void startHook() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/certificates",
        exchange -> {
          received.add(new ObjectMapper().readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    target =
        new HttpDeployTarget(
            "lb", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/certificates"), Duration.ofSeconds(5));
  }

  @AfterEach
  void stopHook() {
    server.stop(0);
  }

  @Test
  void installPostsTheChainAndKeyAsJsonAndRollbackAsksForThePreviousOne() throws Exception {
    String chain = "-----BEGIN CERTIFICATE-----\nMIIB\"x\\y\n-----END CERTIFICATE-----\n";

    String installed = target.install(chain, "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n");
    target.rollback();

    assertTrue(installed.endsWith("answered HTTP 204"), installed);
    assertEquals("install", received.get(0).get("action").asText());
    assertEquals(chain, received.get(0).get("chain").asText());
    assertTrue(received.get(0).get("key").asText().startsWith("-----BEGIN PRIVATE KEY-----"));
    assertEquals("rollback", received.get(1).get("action").asText());
  }

  @Test
  void aHookThatAnswersAnErrorFailsTheDeploy() {
    status = 500;

    DeployTarget.DeployException error =
        assertThrows(DeployTarget.DeployException.class, () -> target.install("chain", "key"));

    assertTrue(error.getMessage().endsWith("answered HTTP 500"), error.getMessage());
  }
}
