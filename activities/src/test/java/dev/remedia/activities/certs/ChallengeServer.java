package dev.remedia.activities.certs;

import com.sun.net.httpserver.HttpServer;
import dev.remedia.activities.store.ChallengeStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code /.well-known/acme-challenge/<token>} from the challenge store, as Remedia's own route
 * does, on the port Pebble validates HTTP-01 on.
 */
final class ChallengeServer implements AutoCloseable {

  private static final String PREFIX = "/.well-known/acme-challenge/";

  private final HttpServer server;

  ChallengeServer(int port, ChallengeStore challenges) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        PREFIX,
        exchange -> {
          String token = exchange.getRequestURI().getPath().substring(PREFIX.length());
          byte[] body =
              challenges.keyAuthorization(token).map(a -> a.getBytes(StandardCharsets.US_ASCII)).orElse(null);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
