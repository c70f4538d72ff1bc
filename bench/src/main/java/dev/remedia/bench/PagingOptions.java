package dev.remedia.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** paging-load's command line: {@code --name value} pairs, every one optional except {@code --url}. */
final class PagingOptions {

  static final String USAGE =
      """
      usage: java -cp bench.jar dev.remedia.bench.PagingLoad --url http://127.0.0.1:8080 [options]
             java -cp bench.jar dev.remedia.bench.PagingLoad --write-config FILE [options]
        --incidents N        incidents opened at once, each paging through the policy (default 1000)
        --levels N           levels of the policy (default 3)
        --people-per-level N people each level pages, no one on two levels (default 5)
        --delay S            seconds each level waits before the next fires (default 30)
        --ack-share F        share of the incidents acknowledged during level 1 or 2 (default 0.5)
        --trigger-rate N     incidents triggered per second (default 0: as fast as Remedia answers)
        --concurrency N      requests in flight at most while triggering and acknowledging (default 16)
        --settle-timeout S   how long after the last level's delay to wait for paging to end (default 180)
        --check-concurrency N  GET requests in flight while reading the outcome (default 8)
        --request-timeout S  per-request timeout (default 30)
        --wait-health S      wait up to S seconds for GET /health to answer 200 (default 0: ask once)
        --remedia-pid PID    sample this process's CPU and memory
        --pg-port PORT       also sample the CPU of the PostgreSQL server listening on this port
        --remedia-log FILE   Remedia's log: the console channel's lines there are the messages sent,
                             needed for the send rate and for the exact time each page went out
        --token T            bearer token for the events webhook (when a credential is configured)
        --write-config FILE  write the operator configuration Remedia needs for these options and exit
      environment: REMEDIA_API_TOKEN (or else REMEDIA_ADMIN_TOKEN), the API token for /api
      """;

  final URI url;
  /** The settings as they go into the report. */
  final Map<String, Object> settings;
  final int incidents;
  final PagingPolicy policy;
  final double ackShare;
  final int triggerRate;
  final int concurrency;
  final int settleTimeout;
  final int checkConcurrency;
  final int requestTimeout;
  final int waitHealth;
  final long remediaPid;
  final int pgPort;
  final Path remediaLog;
  final String token;
  final Path writeConfig;

  private PagingOptions(Arguments args) {
    String config = args.text("write-config");
    writeConfig = config == null ? null : Path.of(config);
    url = args.url(writeConfig == null);
    incidents = args.positive("incidents", 1000);
    int levels = args.positive("levels", 3);
    int peoplePerLevel = args.positive("people-per-level", 5);
    int delay = args.positive("delay", 30);
    ackShare = args.fraction("ack-share", 0.5);
    triggerRate = args.atLeastZero("trigger-rate", 0);
    concurrency = args.positive("concurrency", 16);
    settleTimeout = args.atLeastZero("settle-timeout", 180);
    checkConcurrency = args.positive("check-concurrency", 8);
    requestTimeout = args.positive("request-timeout", 30);
    waitHealth = args.atLeastZero("wait-health", 0);
    remediaPid = args.atLeastZero("remedia-pid", 0);
    pgPort = args.atLeastZero("pg-port", 0);
    String log = args.text("remedia-log");
    remediaLog = log == null ? null : Path.of(log);
    token = args.text("token");
    args.rejectUnknown();
    settings = args.settings();
    // Remedia's configuration allows at most 10 levels of 20 targets.
    if (levels > 10 || peoplePerLevel > 20) {
      throw new IllegalArgumentException("--levels is at most 10 and --people-per-level at most 20");
    }
    if (levels < 2) {
      throw new IllegalArgumentException("--levels must be at least 2: acknowledgements come during level 1 or 2");
    }
    policy = new PagingPolicy(levels, peoplePerLevel, Duration.ofSeconds(delay));
  }

  static PagingOptions parse(String[] args) {
    return new PagingOptions(Arguments.parse(args));
  }
}
