package dev.remedia.activities.store;

import dev.remedia.workflows.paging.Contact;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageRequest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Escalations and pages for store tests. Reply codes are unique across the whole (shared) database,
 * so tests take codes no escalation holds.
 */
public final class PagingFixtures {

  public static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

  private PagingFixtures() {}

  public static String freeReplyCode(EscalationStore escalations) {
    Set<String> taken = escalations.replyCodesInUse();
    while (true) {
      String code = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10_000));
      if (!taken.contains(code)) {
        return code;
      }
    }
  }

  /** Starts a paging escalation for a new incident and answers its id. */
  public static String paging(EscalationStore escalations, String incidentId) {
    String id = "escalation/" + incidentId;
    escalations.start(
        new NewEscalation(
            id, incidentId, incidentId, null, "default", "{}", freeReplyCode(escalations), T0));
    return id;
  }

  public static String newIncidentId() {
    return UUID.randomUUID().toString();
  }

  /** A number no other test uses, since opt-outs and SMS replies are looked up by number. */
  public static String newPhone() {
    return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
  }

  public static PageRequest page(String escalationId, String incidentId, PageChannel channel, String address) {
    return new PageRequest(
        escalationId + "/" + UUID.randomUUID(), escalationId, incidentId, 0, 0, "alice",
        new Contact(channel, address), "HostDown on host-a", "CRITICAL", "http://remedia/incidents/1",
        "4821");
  }
}
