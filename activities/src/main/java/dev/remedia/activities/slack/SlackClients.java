package dev.remedia.activities.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/** Builds the SDK's client the way Remedia uses it: one per process, shared by every call. */
public final class SlackClients {

  /** Slack's Web API; tests and proxies replace it with their own base URL. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** A hung connection must not hold a paging activity past its own timeout. */
  private static final int CALL_TIMEOUT_MILLIS = 10_000;

  private SlackClients() {}

  /**
   * A client for the Web API at {@code apiUrl} (blank means Slack's own). Statistics are off: they
   * start background threads and call {@code auth.test} before the first request, and Remedia reads
   * neither.
   */
  public static Slack create(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setStatsEnabled(false);
    config.setMethodsEndpointUrlPrefix(apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : withSlash(apiUrl.strip()));
    config.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
    return Slack.getInstance(config);
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
