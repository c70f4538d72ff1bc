package dev.remedia.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Remedia's HTTP API, for routes that the client must speak before the server has them:
 * it answers each "METHOD /path" with the answers queued for it, in order (the last one repeats), and
 * records every request so a test can check method, path, Authorization header and body. A request
 * with nothing queued gets a 404 problem that names it.
 */
public final class StubRemedia implements AutoCloseable {

  /** A request as the stub received it; {@code path} is raw, with its query. */
  public record Request(String method, String path, String authorization, String contentType, String body) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Queue<Answer>> answers = new HashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public StubRemedia() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an answer to {@code method path}; a status of 400 or more is sent as problem+json. */
  public synchronized StubRemedia answer(String method, String path, int status, String body) {
    answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(new Answer(status, body));
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** A problem+json body as Remedia writes it. */
  public static String problem(int status, String title, String detail) {
    return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\",\"instance\":\"/api\"}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(
          exchange.getRequestMethod(),
          path,
          exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          body));
      Answer answer = next(exchange.getRequestMethod() + " " + path);
      if (answer.body().isEmpty()) {
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set(
          "Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private synchronized Answer next(String request) {
    Queue<Answer> queued = answers.get(request);
    if (queued == null || queued.isEmpty()) {
      return new Answer(404, problem(404, "Not Found", "the stub has no answer for " + request));
    }
    return queued.size() > 1 ? queued.poll() : queued.peek();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
