package dev.remedia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/**
 * Whether paging stopped at the acknowledgement: no page of an acknowledged incident may reach anyone
 * after the incident's {@code acknowledgedAt}. A page's time of sending is the console message that
 * carried it when Remedia's log is at hand, else its {@code sentAt}, written just after the send.
 */
final class AckCheck {

  private static final int SAMPLES = 10;
  private static final Set<String> REACHED = Set.of("SENT", "ROLLED_UP", "DELIVERED");

  private final PagingPolicy policy;
  private final ConsoleLog log;

  /** @param log the console channel's messages, or null without Remedia's log */
  AckCheck(PagingPolicy policy, ConsoleLog log) {
    this.policy = policy;
    this.log = log;
  }

  /**
   * @param incidents each as {@code GET /api/incidents/{id}} answers it
   * @param requested how many acknowledgements the driver sent
   */
  Map<String, Object> report(List<JsonNode> incidents, long requested) {
    Map<String, Long> duringLevel = new TreeMap<>();
    Map<String, Long> createdAfterByStatus = new TreeMap<>();
    Latencies sentAfter = new Latencies();
    List<Map<String, Object>> samples = new ArrayList<>();
    long acknowledged = 0;
    long createdAfter = 0;
    long sentAfterButCreatedBefore = 0;
    long withdrawn = 0;
    long notTold = 0;
    for (JsonNode incident : incidents) {
      Instant ack = EscalationTimes.instant(incident.path("acknowledgedAt"));
      Instant started = EscalationTimes.instant(incident.path("escalationStartedAt"));
      if (ack == null) {
        continue;
      }
      acknowledged++;
      if (started != null) {
        duringLevel.merge(String.valueOf(policy.levelAt(started, ack) + 1), 1L, Long::sum);
      }
      for (JsonNode page : incident.path("pages")) {
        String status = page.path("status").asText();
        Instant created = EscalationTimes.instant(page.path("createdAt"));
        Instant sent = log != null ? log.sentAt(page.path("id").asText()) : EscalationTimes.instant(page.path("sentAt"));
        if (created.isAfter(ack)) {
          createdAfter++;
          createdAfterByStatus.merge(status, 1L, Long::sum);
        }
        if ("CANCELLED".equals(status)) {
          withdrawn++;
        }
        if (awaitsNotice(page)) {
          notTold++;
        }
        if (sent != null && sent.isAfter(ack)) {
          long lag = Duration.between(ack, sent).toNanos();
          sentAfter.add(lag);
          if (!created.isAfter(ack)) {
            sentAfterButCreatedBefore++;
          }
          if (samples.size() < SAMPLES) {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("incidentId", incident.path("id").asText());
            sample.put("pageId", page.path("id").asText());
            sample.put("level", page.path("level").asInt() + 1);
            sample.put("acknowledgedAt", ack.toString());
            sample.put("createdAt", created.toString());
            sample.put("sentAt", sent.toString());
            samples.add(sample);
          }
        }
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("requested", requested);
    report.put("acknowledged", acknowledged);
    report.put("acknowledgedDuringLevel", duringLevel);
    report.put("sentAtFrom", log != null ? "console log" : "page sentAt");
    report.put("pagesSentAfterAck", sentAfter.count());
    report.put("pagesSentAfterAckThatWereCreatedBefore", sentAfterButCreatedBefore);
    report.put("sentAfterAckBy", sentAfter.summary());
    report.put("pagesCreatedAfterAck", createdAfter);
    report.put("pagesCreatedAfterAckByStatus", createdAfterByStatus);
    report.put("pagesWithdrawn", withdrawn);
    report.put("pagesNotToldOfAck", notTold);
    report.put("samples", samples);
    report.put("met", acknowledged == requested && sentAfter.count() == 0);
    return report;
  }

  /** A page that reached someone who has not been told yet how its incident was settled. */
  static boolean awaitsNotice(JsonNode page) {
    return REACHED.contains(page.path("status").asText()) && !page.path("settleNotified").asBoolean();
  }
}
