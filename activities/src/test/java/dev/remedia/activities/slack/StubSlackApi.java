package dev.remedia.activities.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Slack's Web API: it records every request, refuses any without the expected
 * bearer token, keeps posted messages (with their metadata) per conversation the way Slack does, and
 * answers with Slack's JSON shapes. Failures can be scripted per method.
 */
public final class StubSlackApi implements AutoCloseable {

  public static final String TOKEN = "xoxb-test-token-4f1c";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the stub received it. */
  public record Received(String httpMethod, String path, String authorization, String contentType, Map<String, String> form) {

    public JsonNode json(String field) {
      try {
        return JSON.readTree(form.get(field));
      } catch (IOException e) {
        throw new UncheckedIOException("field " + field + " is not JSON: " + form.get(field), e);
      }
    }
  }

  private record Scripted(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> conversations = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();

  public StubSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::handle);
    server.start();
  }

  /** The base URL to give the SDK (its methods endpoint prefix). */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received last(String method) {
    return received.stream()
        .filter(r -> r.path().equals("/api/" + method))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("Slack never received " + method + "; it got " + received));
  }

  /** The next call of {@code method} gets this answer instead of the normal one. */
  public void failNext(String method, int status, Map<String, String> headers, String body) {
    scripted.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).add(new Scripted(status, headers, body));
  }

  /** The ts Slack gave the newest message in a conversation. */
  public String lastTs(String channel) {
    List<ObjectNode> messages = conversations.get(channel);
    return messages.get(messages.size() - 1).get("ts").asText();
  }

  /** A message already in a conversation, as if posted earlier; returns its ts. */
  public String seed(String channel, String metadataJson) {
    ObjectNode message = JSON.createObjectNode().put("type", "message").put("ts", nextTs()).put("text", "seeded");
    if (metadataJson != null) {
      message.set("metadata", readTree(metadataJson));
    }
    conversations.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(message);
    return message.get("ts").asText();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = path.substring("/api/".length());
      Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      received.add(
          new Received(
              exchange.getRequestMethod(), path, authorization, exchange.getRequestHeaders().getFirst("Content-Type"), form));
      Deque<Scripted> failures = scripted.get(method);
      Scripted failure = failures == null ? null : failures.poll();
      if (failure != null) {
        failure.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        respond(exchange, failure.status(), failure.body());
        return;
      }
      if (!("Bearer " + TOKEN).equals(authorization)) {
        respond(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
        return;
      }
      respond(exchange, 200, answer(method, form).toString());
    }
  }

  private ObjectNode answer(String method, Map<String, String> form) {
    return switch (method) {
      case "chat.postMessage" -> post(form);
      case "chat.update" -> ok().put("channel", form.get("channel")).put("ts", form.get("ts")).put("text", form.get("text"));
      case "conversations.open" -> {
        ObjectNode answer = ok();
        answer.putObject("channel").put("id", directMessageOf(form.get("users")));
        yield answer;
      }
      case "conversations.history" -> history(form);
      default -> JSON.createObjectNode().put("ok", false).put("error", "unknown_method");
    };
  }

  private ObjectNode post(Map<String, String> form) {
    String address = form.get("channel");
    String channel = address.startsWith("U") || address.startsWith("W") ? directMessageOf(address) : address;
    ObjectNode message = JSON.createObjectNode().put("type", "message").put("ts", nextTs()).put("text", form.get("text"));
    if (form.containsKey("blocks")) {
      message.set("blocks", readTree(form.get("blocks")));
    }
    if (form.containsKey("metadata")) {
      message.set("metadata", readTree(form.get("metadata")));
    }
    if (form.containsKey("thread_ts")) {
      message.put("thread_ts", form.get("thread_ts"));
    }
    conversations.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(message);
    ObjectNode answer = ok().put("channel", channel).put("ts", message.get("ts").asText());
    answer.set("message", message);
    return answer;
  }

  /** Newest first, from {@code oldest} (inclusive), paged by {@code limit} with a cursor, as Slack does. */
  private ObjectNode history(Map<String, String> form) {
    List<ObjectNode> messages = conversations.get(form.get("channel"));
    if (messages == null) {
      return JSON.createObjectNode().put("ok", false).put("error", "channel_not_found");
    }
    BigDecimal oldest = new BigDecimal(form.getOrDefault("oldest", "0"));
    // The SDK sends booleans as 1 and 0, as Slack documents; true is accepted too.
    boolean withMetadata = List.of("1", "true").contains(form.get("include_all_metadata"));
    List<ObjectNode> matching = new ArrayList<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (new BigDecimal(messages.get(i).get("ts").asText()).compareTo(oldest) >= 0) {
        matching.add(messages.get(i));
      }
    }
    int start = form.containsKey("cursor") ? Integer.parseInt(form.get("cursor")) : 0;
    int limit = Integer.parseInt(form.getOrDefault("limit", "100"));
    int end = Math.min(matching.size(), start + limit);
    ObjectNode answer = ok();
    ArrayNode page = answer.putArray("messages");
    for (ObjectNode message : matching.subList(start, end)) {
      ObjectNode shown = message.deepCopy();
      if (!withMetadata) {
        shown.remove("metadata");
      }
      page.add(shown);
    }
    answer.put("has_more", end < matching.size());
    answer.putObject("response_metadata").put("next_cursor", end < matching.size() ? String.valueOf(end) : "");
    return answer;
  }

  private static String directMessageOf(String user) {
    return "D" + user.substring(1);
  }

  private String nextTs() {
    long micros = Math.max(System.currentTimeMillis() * 1000, clock.incrementAndGet());
    clock.set(micros);
    return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
  }

  private static ObjectNode ok() {
    return JSON.createObjectNode().put("ok", true);
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
