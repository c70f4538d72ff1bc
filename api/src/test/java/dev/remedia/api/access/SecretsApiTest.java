package dev.remedia.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.sun.net.httpserver.HttpServer;
import dev.remedia.api.ApiTestSupport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Remedia started with known secrets (the admin token, Slack's bot token and signing secret, Twilio's
 * auth token, webhook tokens and Grafana's HMAC secret), driven through successes and failures: bad
 * signatures, wrong and revoked tokens (secrets presented as tokens among them), bad bodies, unknown
 * routes, and pages that Slack and Twilio refuse. No secret may appear in any answer, header or log
 * record, from start-up on, with Remedia's own loggers at DEBUG (libraries at their configured levels)
 * and the console captured too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SecretsApiTest extends ApiTestSupport {

  private static final String ADMIN = "adm1n-s3cret-4c9f1e7b2d";
  private static final String SLACK_BOT = "xoxb-s3cret-bot-1f2e3d4c";
  private static final String SLACK_SIGNING = "s3cret-signing-8a7b6c5d";
  private static final String TWILIO_AUTH = "s3cret-twilio-auth-5d4c3b";
  private static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
  private static final String EVENTS_TOKEN = "s3cret-events-token-9e8d7c";
  private static final String ALERTMANAGER_TOKEN = "s3cret-am-token-3a2b1c";
  private static final String GRAFANA_HMAC = "s3cret-grafana-hmac-7c6b5a";
  private static final String PUBLIC_URL = "https://remedia.example.com";
  private static final String ALICE_PHONE = "+15558675310";

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final List<String> secrets = new ArrayList<>(
      List.of(ADMIN, SLACK_BOT, SLACK_SIGNING, TWILIO_AUTH, EVENTS_TOKEN, ALERTMANAGER_TOKEN, GRAFANA_HMAC,
          TokenHashes.hash(ADMIN),
          Base64.getEncoder().encodeToString((TWILIO_SID + ":" + TWILIO_AUTH).getBytes(StandardCharsets.UTF_8))));
  private final List<String> checked = new ArrayList<>();
  private final AtomicInteger slackCalls = new AtomicInteger();
  private final AtomicInteger twilioCalls = new AtomicInteger();

  private Appender appender;
  private PrintStream stdout;
  private PrintStream stderr;
  private Map<String, Level> levels;
  private HttpServer slack;
  private HttpServer twilio;
  private ApplicationContext context;
  private URI base;

  @BeforeAll
  void start() throws IOException {
    captureLogs();
    slack = stub(slackCalls, 200, "{\"ok\": false, \"error\": \"invalid_auth\"}");
    twilio = stub(twilioCalls, 401,
        "{\"code\": 20003, \"message\": \"Authenticate\", \"more_info\": \"https://www.twilio.com/docs/errors/20003\", \"status\": 401}");
    Map<String, Object> properties = new HashMap<>(getProperties());
    properties.put("remedia.admin-token", ADMIN);
    properties.put("remedia.slack.bot-token", SLACK_BOT);
    properties.put("remedia.slack.signing-secret", SLACK_SIGNING);
    properties.put("remedia.slack.api-url", "http://127.0.0.1:" + slack.getAddress().getPort() + "/api/");
    properties.put("remedia.twilio.account-sid", TWILIO_SID);
    properties.put("remedia.twilio.auth-token", TWILIO_AUTH);
    properties.put("remedia.twilio.from", "+15005550006");
    properties.put("remedia.twilio.public-url", PUBLIC_URL);
    properties.put("remedia.twilio.api-url", "http://127.0.0.1:" + twilio.getAddress().getPort());
    properties.putAll(operatorConfig(
        """
        webhooks:
          events: { token: %s }
          alertmanager: { token: %s }
          grafana: { hmac-secret: %s }
        people:
          - { name: alice, slack: U0ALICE01, phone: "%s" }
        escalation-policies:
          - name: everywhere
            levels:
              - { notify: [ { person: alice } ], channels: [slack, sms], delay: 1m }
        routes:
          - name: critical-pages
            match: { severity: critical }
            escalation: everywhere
        """.formatted(EVENTS_TOKEN, ALERTMANAGER_TOKEN, GRAFANA_HMAC, ALICE_PHONE)));
    context = ApplicationContext.run(properties, "test");
    base = context.getBean(EmbeddedServer.class).start().getURI();
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    slack.stop(0);
    twilio.stop(0);
    restoreLogs();
  }

  @Override
  protected URI baseUri() {
    return base;
  }

  @Override
  protected HttpResponse<String> send(HttpRequest.Builder request) {
    return sendAs(ADMIN, request);
  }

  @Test
  void noSecretAppearsInAnyAnswerOrLogRecord() throws Exception {
    checked(get("/health"), 200);
    checked(getAs(null, "/api/runs"), 401);
    checked(getAs(SLACK_BOT, "/api/runs"), 401);
    checked(getAs(TWILIO_AUTH, "/api/tokens"), 401);
    checked(getAs(ADMIN + "x", "/api/runs"), 401);
    checked(sendAs(null, HttpRequest.newBuilder(base.resolve("/api/runs")).header("Authorization", "Basic " + ADMIN)), 401);

    HttpResponse<String> created = post("/api/tokens", "application/json", "{\"name\": \"ci-bot\", \"role\": \"viewer\"}");
    assertEquals(201, created.statusCode(), created.body());
    String token = json(created).get("token").asText();
    String id = json(created).get("id").asText();
    assertNothingSecretIn("POST /api/tokens", created);
    secrets.add(TokenHashes.hash(token));
    checked(getAs(token, "/api/runs"), 200);
    checked(getAs(token, "/api/tokens"), 403);
    checked(get("/api/tokens"), 200);
    checked(send(HttpRequest.newBuilder(base.resolve("/api/tokens/" + id)).DELETE()), 204);
    secrets.add(token);
    checked(getAs(token, "/api/runs"), 401);
    checked(post("/api/tokens", "application/json", "{\"name\": \"x\", \"role\": \"root\"}"), 400);

    checked(webhook("events", null, "{}"), 401);
    checked(webhook("events", ALERTMANAGER_TOKEN, "{}"), 401);
    checked(webhook("alertmanager", EVENTS_TOKEN, "[]"), 401);
    checked(webhook("events", EVENTS_TOKEN, "{\"event_action\": \"explode\"}"), 400);
    checked(webhook("events", EVENTS_TOKEN, "not json at all"), 400);
    checked(grafana("{\"alerts\": []}", "00".repeat(32)), 401);
    checked(grafana("{\"alerts\": []}", hmac("HmacSHA256", SLACK_SIGNING, "x")), 401);
    checked(webhook("events", EVENTS_TOKEN,
        """
        {"event_action": "trigger", "dedup_key": "disk/nas-1",
         "payload": {"summary": "Disk /srv on nas-1 is 97% full", "source": "nas-1", "severity": "critical"}}
        """), 202);

    long now = Instant.now().getEpochSecond();
    checked(slack(Map.of(), "payload=%7B%7D"), 401);
    checked(slack(Map.of("X-Slack-Request-Timestamp", String.valueOf(now),
        "X-Slack-Signature", "v0=" + hmac("HmacSHA256", "not-the-secret", "v0:" + now + ":payload=%7B%7D")), "payload=%7B%7D"), 401);
    checked(slack(Map.of("X-Slack-Request-Timestamp", String.valueOf(now),
        "X-Slack-Signature", "v0=" + hmac("HmacSHA256", SLACK_SIGNING, "v0:" + now + ":payload=nope")), "payload=nope"), 400);

    Map<String, String> sms = new TreeMap<>(Map.of("MessageSid", "SM0001", "From", ALICE_PHONE, "To", "+15005550006", "Body", "ACK 1234"));
    checked(twilioSms(sms, null), 401);
    checked(twilioSms(sms, twilioSignature("not-the-token", sms)), 401);
    Map<String, String> fromless = new TreeMap<>(Map.of("MessageSid", "SM0002", "Body", "ACK 1234"));
    checked(twilioSms(fromless, twilioSignature(TWILIO_AUTH, fromless)), 400);

    checked(get("/api/no-such-thing"), 404);
    checked(post("/api/incidents/" + java.util.UUID.randomUUID() + "/ack", "application/json", "{\"by\":"), 400);
    checked(post("/api/runbooks/http-check/runs", "application/json", "{\"url\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413);
    checked(send(HttpRequest.newBuilder(base.resolve("/health")).PUT(HttpRequest.BodyPublishers.ofString("{}"))), 405);
    checked(get("/api/oncall"), 200);

    eventually(() -> slackCalls.get() > 0 && twilioCalls.get() > 0 ? true : null);
    eventually(() -> json(get("/api/pages")).get("items").size() > 0 ? true : null);
    checked(get("/api/pages"), 200);
    checked(get("/api/incidents?source=events"), 200);
    checked(get("/health"), 200);

    System.out.flush();
    System.err.flush();
    String records = String.join("\n", logged);
    String output = console.toString(StandardCharsets.UTF_8);
    assertTrue(records.contains("API access: REMEDIA_ADMIN_TOKEN is an admin token"), "start-up was not captured");
    assertTrue(output.contains("Slack:"), "the console was not captured");
    for (String secret : secrets) {
      assertFalse(records.contains(secret), "a log record holds " + secret + ":\n" + excerpt(records, secret));
      assertFalse(output.contains(secret), "the console holds " + secret + ":\n" + excerpt(output, secret));
    }
    assertFalse(records.contains(ALICE_PHONE), "a log record holds alice's phone number");
    assertTrue(checked.size() >= 30, "only " + checked.size() + " answers were checked");
  }

  private void checked(HttpResponse<String> response, int status) {
    String what = response.request().method() + " " + response.uri().getPath();
    assertEquals(status, response.statusCode(), what + ": " + response.body());
    assertNothingSecretIn(what, response);
  }

  private void assertNothingSecretIn(String what, HttpResponse<String> response) {
    String headers = response.headers().map().toString();
    for (String secret : secrets) {
      assertFalse(response.body().contains(secret), what + " answered " + secret + " in " + response.body());
      assertFalse(headers.contains(secret), what + " answered " + secret + " in its headers " + headers);
    }
    checked.add(what);
  }

  private HttpResponse<String> getAs(String token, String path) {
    return sendAs(token, HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private HttpResponse<String> webhook(String source, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/webhooks/" + source))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private HttpResponse<String> grafana(String body, String signature) {
    return send(
        HttpRequest.newBuilder(base.resolve("/webhooks/grafana"))
            .header("Content-Type", "application/json")
            .header("X-Grafana-Alerting-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> slack(Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/slack/interactions"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  private HttpResponse<String> twilioSms(Map<String, String> form, String signature) {
    String body =
        form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/twilio/sms"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return send(request);
  }

  private static String twilioSignature(String authToken, Map<String, String> form) {
    String signed = PUBLIC_URL + "/twilio/sms" + form.entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining());
    return Base64.getEncoder().encodeToString(mac("HmacSHA1", authToken, signed));
  }

  private static String hmac(String algorithm, String key, String data) {
    return HexFormat.of().formatHex(mac(algorithm, key, data));
  }

  private static byte[] mac(String algorithm, String key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stand-in for Slack's or Twilio's API that refuses every call, as it would with a revoked credential. */
  private static HttpServer stub(AtomicInteger calls, int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        calls.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
    return server;
  }

  /** Every log record, formatted with its arguments, stack traces and context; and the console. */
  private void captureLogs() {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    appender = new Appender(logged);
    appender.setContext(logback);
    appender.start();
    logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    levels = new LinkedHashMap<>();
    for (String name : List.of("dev.remedia", "remedia")) {
      Logger logger = logback.getLogger(name);
      levels.put(name, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
    stdout = System.out;
    stderr = System.err;
    System.setOut(new PrintStream(new Tee(stdout, console), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(stderr, console), true, StandardCharsets.UTF_8));
  }

  private void restoreLogs() {
    System.setOut(stdout);
    System.setErr(stderr);
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    levels.forEach((name, level) -> logback.getLogger(name).setLevel(level));
  }

  private static String excerpt(String text, String secret) {
    int at = text.indexOf(secret);
    return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + secret.length() + 100));
  }

  private static final class Appender extends AppenderBase<ILoggingEvent> {
    private final List<String> records;

    Appender(List<String> records) {
      this.records = records;
    }

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder record = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
      if (event.getArgumentArray() != null) {
        record.append(' ').append(Arrays.deepToString(event.getArgumentArray()));
      }
      record.append(' ').append(event.getMDCPropertyMap());
      if (event.getThrowableProxy() != null) {
        record.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      records.add(record.toString());
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      synchronized (second) {
        second.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      synchronized (second) {
        second.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      first.flush();
    }
  }
}
