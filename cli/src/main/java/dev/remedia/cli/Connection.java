package dev.remedia.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** Where Remedia is and which token to show it: a flag wins over the environment, which wins over the default. */
final class Connection {

  static final String DEFAULT_URL = "http://localhost:8080";

  private Connection() {}

  static ApiClient open(String urlFlag, String tokenFlag, Map<String, String> environment) {
    String url = firstSet(urlFlag, environment.get("REMEDIA_URL"), DEFAULT_URL);
    return new ApiClient(baseUri(url), firstSet(tokenFlag, environment.get("REMEDIA_TOKEN"), null));
  }

  private static URI baseUri(String url) {
    String trimmed = url.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (http && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below, with the same message as any other unusable URL.
    }
    throw new UsageError(
        "Remedia's URL (--url or REMEDIA_URL) must be http:// or https:// and a host, like "
            + DEFAULT_URL + ", not '" + url + "'");
  }

  private static String firstSet(String first, String second, String fallback) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second != null && !second.isBlank() ? second : fallback;
  }
}
