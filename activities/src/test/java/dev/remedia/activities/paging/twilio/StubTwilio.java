package dev.remedia.activities.paging.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for api.twilio.com on loopback: it records every request as received (method, path,
 * query, form, Authorization) and answers each with the next queued answer, or 404 when none is left.
 * Once {@link #acceptSends} was called, a text or call with no answer queued is accepted as Twilio
 * accepts it, so a whole application can page through the stub.
 */
public final class StubTwilio implements AutoCloseable {

  /** @param createdSid the SID of the message or call the stub accepted for this request, or null */
  public record Received(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> form,
      String authorization,
      String createdSid) {

    public String field(String name) {
      List<String> values = form.get(name);
      return values == null ? null : String.join(",", values);
    }

    public String queryValue(String name) {
      List<String> values = query.get(name);
      return values == null ? null : String.join(",", values);
    }
  }

  private record Answer(int status, String json, String[] headers, String createdSid) {}

  private static final Pattern CREATE =
      Pattern.compile("/2010-04-01/Accounts/[^/]+/(Messages|Calls)\\.json");
  private static final DateTimeFormatter TWILIO_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final Deque<Answer> answers = new ArrayDeque<>();
  private boolean acceptSends;

  public StubTwilio() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues an answer; headers are name, value pairs. */
  synchronized void answer(int status, String json, String... headers) {
    answers.add(new Answer(status, json, headers, null));
  }

  /** From now on, a message or call created with no answer queued gets 201 and a new queued resource. */
  public synchronized void acceptSends() {
    acceptSends = true;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized Received only() {
    if (received.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + received);
    }
    return received.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      Map<String, List<String>> form =
          decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Answer answer;
      synchronized (this) {
        answer = answers.poll();
        if (answer == null) {
          answer = acceptSends && method.equals("POST") ? created(path, form) : null;
        }
        if (answer == null) {
          answer = new Answer(404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}", new String[0], null);
        }
        received.add(
            new Received(
                method, path, decode(exchange.getRequestURI().getRawQuery()), form,
                exchange.getRequestHeaders().getFirst("Authorization"), answer.createdSid()));
      }
      for (int i = 0; i < answer.headers().length; i += 2) {
        exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
      }
      byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), json.length == 0 ? -1 : json.length);
      exchange.getResponseBody().write(json);
    }
  }

  /** Twilio's answer to creating a message or call: the new resource, queued; null for other requests. */
  private static Answer created(String path, Map<String, List<String>> form) {
    Matcher create = CREATE.matcher(path);
    if (!create.matches()) {
      return null;
    }
    boolean message = create.group(1).equals("Messages");
    String sid = (message ? "SM" : "CA") + UUID.randomUUID().toString().replace("-", "");
    String to = first(form, "To");
    String from = first(form, "From");
    String now = TWILIO_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    String json = message ? message(sid, to, from, first(form, "Body"), "queued", now) : call(sid, to, from, "queued", now);
    return new Answer(201, json, new String[0], sid);
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static Map<String, List<String>> decode(String encoded) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return values;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A message resource the way Twilio answers with it. */
  static String message(String sid, String to, String from, String body, String status, String dateCreated) {
    return """
        {"account_sid":"%s","api_version":"2010-04-01","body":%s,"date_created":"%s","date_sent":null,
         "date_updated":"%s","direction":"outbound-api","error_code":null,"error_message":null,"from":"%s",
         "messaging_service_sid":null,"num_media":"0","num_segments":"1","price":null,"price_unit":"USD",
         "sid":"%s","status":"%s","subresource_uris":{"media":"/2010-04-01/Accounts/%s/Messages/%s/Media.json"},
         "to":"%s","uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}"""
        .formatted(
            TwilioTestData.ACCOUNT_SID, quoted(body), dateCreated, dateCreated, from, sid, status,
            TwilioTestData.ACCOUNT_SID, sid, to, TwilioTestData.ACCOUNT_SID, sid);
  }

  /** A call resource the way Twilio answers with it. */
  static String call(String sid, String to, String from, String status, String dateCreated) {
    return """
        {"account_sid":"%s","answered_by":null,"api_version":"2010-04-01","caller_name":null,
         "date_created":"%s","date_updated":"%s","direction":"outbound-api","duration":null,"end_time":null,
         "forwarded_from":null,"from":"%s","from_formatted":"%s","group_sid":null,"parent_call_sid":null,
         "phone_number_sid":"PN0123456789abcdef0123456789abcdef","price":null,"price_unit":"USD",
         "queue_time":"0","sid":"%s","start_time":null,"status":"%s","subresource_uris":{},
         "to":"%s","to_formatted":"%s","trunk_sid":null,"uri":"/2010-04-01/Accounts/%s/Calls/%s.json"}"""
        .formatted(
            TwilioTestData.ACCOUNT_SID, dateCreated, dateCreated, from, from, sid, status, to, to,
            TwilioTestData.ACCOUNT_SID, sid);
  }

  /** A page of a list, with the next page's URI or null. */
  static String list(String key, String nextPageUri, String... records) {
    return """
        {"%s":[%s],"end":%d,"first_page_uri":"/2010-04-01/Accounts/%s/%s.json?PageSize=50&Page=0",
         "next_page_uri":%s,"page":0,"page_size":50,"previous_page_uri":null,"start":0,
         "uri":"/2010-04-01/Accounts/%s/%s.json?PageSize=50&Page=0"}"""
        .formatted(
            key, String.join(",", records), Math.max(records.length - 1, 0), TwilioTestData.ACCOUNT_SID,
            capitalized(key), nextPageUri == null ? "null" : quoted(nextPageUri), TwilioTestData.ACCOUNT_SID,
            capitalized(key));
  }

  /** An error the way Twilio answers with one. */
  static String error(int code, String message, int status) {
    return """
        {"code":%d,"message":%s,"more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
        .formatted(code, quoted(message), code, status);
  }

  private static String capitalized(String key) {
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
