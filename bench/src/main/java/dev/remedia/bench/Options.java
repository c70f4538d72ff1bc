package dev.remedia.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The driver's command line: {@code --name value} pairs, every one optional except {@code --url}. */
final class Options {

  static final String USAGE =
      """
      usage: java -jar alert-load.jar --url http://127.0.0.1:8080 [options]
        --rate N             alerts per second in the sustained phase (default 1000)
        --duration S         seconds of sustained load, measured (default 60)
        --warmup S           seconds of the same load before it, reported apart (default 10; 0 for none)
        --batch N            alerts per post, one group per post (default 10)
        --groups N           distinct Alertmanager groups, each its own incident (default 200)
        --single-posts N     posts of the one firing alert in the single-alert phase (default 10000)
        --concurrency N      requests in flight at most (default 32)
        --check-concurrency N  GET requests in flight during the checks (default 8)
        --check-timeout S    how long after the load the checks wait for the read model (default 120)
        --request-timeout S  per-request timeout (default 30)
        --wait-health S      wait up to S seconds for GET /health to answer 200 (default 0: ask once)
        --remedia-pid PID    sample this process's CPU (per thread group) during each phase
        --pg-port PORT       also sample the PostgreSQL server listening on this port
        --token T            bearer token for the webhook (when a credential is configured)
      """;

  final URI url;
  final int rate;
  final int duration;
  final int warmup;
  final int batch;
  final int groups;
  final int singlePosts;
  final int concurrency;
  final int checkConcurrency;
  final int checkTimeout;
  final int requestTimeout;
  final int waitHealth;
  final long remediaPid;
  final int pgPort;
  final String token;

  private Options(Map<String, String> values) {
    String base = values.remove("url");
    if (base == null) {
      throw new IllegalArgumentException("--url is required");
    }
    url = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    rate = positive(values, "rate", 1000);
    duration = positive(values, "duration", 60);
    warmup = atLeastZero(values, "warmup", 10);
    batch = positive(values, "batch", 10);
    groups = positive(values, "groups", 200);
    singlePosts = atLeastZero(values, "single-posts", 10_000);
    concurrency = positive(values, "concurrency", 32);
    checkConcurrency = positive(values, "check-concurrency", 8);
    checkTimeout = atLeastZero(values, "check-timeout", 120);
    requestTimeout = positive(values, "request-timeout", 30);
    waitHealth = atLeastZero(values, "wait-health", 0);
    remediaPid = atLeastZero(values, "remedia-pid", 0);
    pgPort = atLeastZero(values, "pg-port", 0);
    token = values.remove("token");
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
    }
    if (batch > 1000) {
      throw new IllegalArgumentException("--batch is at most 1000");
    }
  }

  static Options parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected an option like --rate, got '" + arg + "'");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException("--" + name + " is given twice");
      }
    }
    return new Options(values);
  }

  /** The settings as they go into the report. */
  Map<String, Object> describe() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("url", url.toString());
    config.put("rate", rate);
    config.put("duration", duration);
    config.put("warmup", warmup);
    config.put("batch", batch);
    config.put("groups", groups);
    config.put("singlePosts", singlePosts);
    config.put("concurrency", concurrency);
    config.put("checkConcurrency", checkConcurrency);
    config.put("checkTimeout", checkTimeout);
    config.put("requestTimeout", requestTimeout);
    return config;
  }

  private static int positive(Map<String, String> values, String name, int fallback) {
    int value = atLeastZero(values, name, fallback);
    if (value == 0) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return value;
  }

  private static int atLeastZero(Map<String, String> values, String name, int fallback) {
    String text = values.remove(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < 0) {
        throw new IllegalArgumentException("--" + name + " must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'");
    }
  }
}
