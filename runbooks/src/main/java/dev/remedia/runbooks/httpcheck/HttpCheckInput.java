package dev.remedia.runbooks.httpcheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.remedia.workflows.runbook.InputChecks;
import dev.remedia.workflows.runbook.InputField;
import java.net.URI;
import java.net.URISyntaxException;

/** Input of {@code http-check}; the constructor rejects what cannot work and fills the defaults. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpCheckInput(
    @InputField(description = "Absolute http:// or https:// URL to probe.", required = true) String url,
    @InputField(description = "The status that passes; by default any status below 400 passes.")
        Integer expectedStatus,
    @InputField(description = "Time limit of one probe, in seconds (1 to 120, default 10).")
        Integer timeoutSeconds,
    @InputField(description = "Probes before giving up on an unreachable target (1 to 10, default 4).")
        Integer maxAttempts,
    @InputField(description = "An escalation policy to page when the check fails; by default nobody is paged.")
        String escalation) {

  static final int MAX_URL_LENGTH = 2048;
  static final int MAX_POLICY_LENGTH = 100;
  static final int DEFAULT_TIMEOUT_SECONDS = 10;
  static final int DEFAULT_MAX_ATTEMPTS = 4;

  public HttpCheckInput {
    url = validUrl(url);
    if (expectedStatus != null && (expectedStatus < 100 || expectedStatus > 599)) {
      throw new IllegalArgumentException("expectedStatus must be an HTTP status from 100 to 599");
    }
    timeoutSeconds = InputChecks.within("timeoutSeconds", timeoutSeconds, DEFAULT_TIMEOUT_SECONDS, 1, 120);
    maxAttempts = InputChecks.within("maxAttempts", maxAttempts, DEFAULT_MAX_ATTEMPTS, 1, 10);
    escalation = InputChecks.optional("escalation", escalation, MAX_POLICY_LENGTH);
  }

  private static String validUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException("url must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("url must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("url must name a host");
    }
    return uri.toString();
  }
}
