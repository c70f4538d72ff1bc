package dev.remedia.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Twilio account that sends SMS and voice pages. Either all of the account SID, auth token, sending
 * number and public URL are set, or none: without them Remedia neither sends through Twilio nor serves
 * its callbacks.
 *
 * @param from the Twilio number pages leave from, E.164
 * @param publicUrl the base URL Twilio calls back on; signatures are computed over it, so it must be
 *     exactly what Twilio calls
 * @param apiUrl where Twilio's REST API is, for stubs; blank for api.twilio.com
 */
@ConfigurationProperties("remedia.twilio")
public record TwilioSettings(
    @Nullable String accountSid,
    @Nullable String authToken,
    @Nullable String from,
    @Nullable String publicUrl,
    @Nullable String apiUrl) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  /** Blank values (an unset {@code ${VAR:}}) are absent; the others lose stray whitespace. */
  public TwilioSettings {
    accountSid = normalized(accountSid);
    authToken = normalized(authToken);
    from = normalized(from);
    publicUrl = normalized(publicUrl);
    apiUrl = normalized(apiUrl);
  }

  /** Whether any Twilio setting is present: then all of them must be. */
  public boolean anySet() {
    return present(accountSid) || present(authToken) || present(from) || present(publicUrl) || present(apiUrl);
  }

  /** What is wrong, naming the environment variables to fix; empty when the settings are usable. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (!present(accountSid)) {
      missing.add("REMEDIA_TWILIO_ACCOUNT_SID");
    }
    if (!present(authToken)) {
      missing.add("REMEDIA_TWILIO_AUTH_TOKEN");
    }
    if (!present(from)) {
      missing.add("REMEDIA_TWILIO_FROM");
    }
    if (!present(publicUrl)) {
      missing.add("REMEDIA_PUBLIC_URL");
    }
    if (!missing.isEmpty()) {
      problems.add(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
    }
    if (present(from) && !E164.matcher(from).matches()) {
      problems.add("REMEDIA_TWILIO_FROM must be an E.164 number such as +15017122661");
    }
    if (present(publicUrl) && !isBaseUrl(publicUrl)) {
      problems.add(
          "REMEDIA_PUBLIC_URL must be an absolute http or https URL without query, such as https://remedia.example.com");
    }
    if (present(apiUrl) && !isBaseUrl(apiUrl)) {
      problems.add("REMEDIA_TWILIO_API_URL must be an absolute http or https URL without query");
    }
    return problems;
  }

  /** The API base URL for stubs, or null for Twilio itself. */
  public URI apiBase() {
    return present(apiUrl) ? URI.create(apiUrl) : null;
  }

  private static boolean isBaseUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean present(String value) {
    return value != null;
  }

  private static String normalized(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Keeps the auth token out of logs and error pages. */
  @Override
  public String toString() {
    return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, from=" + from + ", publicUrl=" + publicUrl
        + ", apiUrl=" + apiUrl + "]";
  }
}
