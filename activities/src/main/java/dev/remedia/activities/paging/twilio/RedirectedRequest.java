package dev.remedia.activities.paging.twilio;

import com.twilio.http.Request;
import java.net.URI;

/**
 * A copy of an SDK request aimed at another origin (a stub server). The SDK builds every URL as
 * https://<product>.twilio.com/..., and rewrites host names it does not recognise, so the copy keeps the
 * path and query the SDK computed and replaces scheme, host and port.
 */
final class RedirectedRequest extends Request {

  private final URI apiBase;

  RedirectedRequest(Request original, URI apiBase) {
    super(original.getMethod(), original.getUrl());
    this.apiBase = apiBase;
    if (original.getUsername() != null) {
      setAuth(original.getUsername(), original.getPassword());
    } else if (original.getAuthStrategy() != null) {
      setAuth(original.getAuthStrategy());
    }
    original.getQueryParams().forEach((name, values) -> values.forEach(value -> addQueryParam(name, value)));
    original.getPostParams().forEach((name, values) -> values.forEach(value -> addPostParam(name, value)));
    original.getHeaderParams().forEach((name, values) -> values.forEach(value -> addHeaderParam(name, value)));
    setContentType(original.getContentType());
    setBody(original.getBody());
    setFormParameters(original.getFormParameters());
    setUserAgentExtensions(original.getUserAgentExtensions());
  }

  @Override
  protected String buildURL() {
    URI twilio = URI.create(super.buildURL());
    String base = apiBase.toString().replaceAll("/+$", "");
    return base + twilio.getRawPath() + (twilio.getRawQuery() == null ? "" : "?" + twilio.getRawQuery());
  }
}
