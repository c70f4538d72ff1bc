package dev.remedia.bench;

import java.net.URI;
import java.util.Map;

/** alert-load's command line: {@code --name value} pairs, every one optional except {@code --url}. */
final class Options {

  static final String USAGE =
      """
      usage: java -cp bench.jar dev.remedia.bench.AlertLoad --url http://127.0.0.1:8080 [options]
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
      environment: REMEDIA_API_TOKEN (or else REMEDIA_ADMIN_TOKEN), the API token for /api
      """;

  final URI url;
  /** The settings as they go into the report. */
  final Map<String, Object> settings;
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

  private Options(Arguments args) {
    url = args.url(true);
    rate = args.positive("rate", 1000);
    duration = args.positive("duration", 60);
    warmup = args.atLeastZero("warmup", 10);
    batch = args.positive("batch", 10);
    groups = args.positive("groups", 200);
    singlePosts = args.atLeastZero("single-posts", 10_000);
    concurrency = args.positive("concurrency", 32);
    checkConcurrency = args.positive("check-concurrency", 8);
    checkTimeout = args.atLeastZero("check-timeout", 120);
    requestTimeout = args.positive("request-timeout", 30);
    waitHealth = args.atLeastZero("wait-health", 0);
    remediaPid = args.atLeastZero("remedia-pid", 0);
    pgPort = args.atLeastZero("pg-port", 0);
    token = args.text("token");
    args.rejectUnknown();
    settings = args.settings();
    if (batch > 1000) {
      throw new IllegalArgumentException("--batch is at most 1000");
    }
  }

  static Options parse(String[] args) {
    return new Options(Arguments.parse(args));
  }
}
