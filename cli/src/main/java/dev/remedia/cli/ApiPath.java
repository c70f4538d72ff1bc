package dev.remedia.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A path under Remedia's base URL, built from segments and query parameters that are each encoded, so
 * an id typed by a person ({@code ../tokens}, {@code a b}) can never reach another route.
 */
public final class ApiPath {

  private final StringBuilder path = new StringBuilder();
  private final Map<String, String> query = new LinkedHashMap<>();

  private ApiPath() {}

  /** {@code /api/<segments>}. */
  public static ApiPath api(String... segments) {
    ApiPath apiPath = new ApiPath();
    apiPath.path.append("/api");
    for (String segment : segments) {
      apiPath.path.append('/').append(segment(segment));
    }
    return apiPath;
  }

  /** Adds a query parameter; a null or blank value is left out, so absent options send nothing. */
  public ApiPath query(String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      query.put(name, value.toString());
    }
    return this;
  }

  @Override
  public String toString() {
    if (query.isEmpty()) {
      return path.toString();
    }
    StringJoiner parameters = new StringJoiner("&", "?", "");
    query.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
    return path + parameters.toString();
  }

  // "." and ".." are left alone by URLEncoder, and a server or proxy may resolve them to another route.
  private static String segment(String text) {
    if (text.isBlank()) {
      throw new UsageError("an id must not be blank");
    }
    String encoded = encode(text);
    return encoded.chars().allMatch(c -> c == '.') ? encoded.replace(".", "%2E") : encoded;
  }

  // URLEncoder writes form encoding, where a space is '+'; in a path '+' is a plus sign.
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
