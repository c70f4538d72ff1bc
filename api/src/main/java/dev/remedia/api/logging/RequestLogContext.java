package dev.remedia.api.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives what a request logs the id of the thing its path names ({@code /api/runs/<id>/...} carries
 * {@code runId}, and so on), on whichever thread the controller runs: the ids travel in Micronaut's
 * propagated context, which sets and clears the MDC around each piece of the request's work. The id
 * is taken as sent, still URL-encoded, so it cannot carry a line break into a log.
 */
@ServerFilter("/api/**")
class RequestLogContext {

  private static final Pattern ITEM = Pattern.compile("^/api/([a-z]+)/([^/]+)");
  private static final Map<String, String> KEYS =
      Map.of(
          "runs", LogContext.RUN_ID,
          "incidents", LogContext.INCIDENT_ID,
          "approvals", LogContext.APPROVAL_ID,
          "pages", LogContext.PAGE_ID,
          "alerts", LogContext.ALERT_ID);

  @RequestFilter
  void addIds(HttpRequest<?> request, MutablePropagatedContext context) {
    Matcher item = ITEM.matcher(request.getPath());
    if (!item.find() || !KEYS.containsKey(item.group(1))) {
      return;
    }
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, String> current = MDC.getCopyOfContextMap();
    if (current != null) {
      ids.putAll(current);
    }
    LogContext.put(ids, KEYS.get(item.group(1)), item.group(2));
    context.add(new MdcPropagationContext(ids));
  }
}
