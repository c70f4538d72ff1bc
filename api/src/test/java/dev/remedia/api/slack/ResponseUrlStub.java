package dev.remedia.api.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Stands in for Slack's response_url endpoint: it keeps what is posted to each path. */
final class ResponseUrlStub implements AutoCloseable {

  record Posted(String method, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, BlockingQueue<Posted>> posted = new ConcurrentHashMap<>();

  ResponseUrlStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            queue(exchange.getRequestURI().getPath())
                .add(new Posted(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
          }
        });
    server.start();
  }

  /** What a test configures as the allowed response_url prefix. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  String url(String path) {
    return baseUrl() + path;
  }

  /** The next post to {@code path}, waiting for it up to ten seconds. */
  Posted awaitPost(String path) throws InterruptedException {
    Posted post = queue("/" + path).poll(10, TimeUnit.SECONDS);
    if (post == null) {
      throw new AssertionError("nothing was posted to the response_url /" + path + " within 10 s");
    }
    return post;
  }

  private BlockingQueue<Posted> queue(String path) {
    return posted.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
