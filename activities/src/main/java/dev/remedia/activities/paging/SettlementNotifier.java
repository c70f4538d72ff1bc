package dev.remedia.activities.paging;

import dev.remedia.activities.store.EscalationStore;
import dev.remedia.activities.store.PageStore;
import dev.remedia.activities.store.StoredEscalation;
import dev.remedia.activities.store.StoredPage;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.Settlement;
import dev.remedia.workflows.runbook.FailureType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how an escalation was settled and tells everyone it reached, once each: a page is marked as
 * soon as its recipient was told, so a retry only tells those a failure left out. The first transient
 * failure ends the attempt, so one congested channel cannot hold the activity past its timeout.
 */
final class SettlementNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(SettlementNotifier.class);

  private final EscalationStore escalations;
  private final PageStore pages;
  private final Map<PageChannel, PageSender> senders;
  private final PagingOutbox outbox;
  private final Clock clock;

  SettlementNotifier(
      EscalationStore escalations,
      PageStore pages,
      Map<PageChannel, PageSender> senders,
      PagingOutbox outbox,
      Clock clock) {
    this.escalations = escalations;
    this.pages = pages;
    this.senders = Map.copyOf(senders);
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Records the settlement, unless one was recorded first; pages still waiting are withdrawn. */
  void stop(String escalationId, Settlement settlement) {
    escalations.settle(
        escalationId, settlement.action(), settlement.by(), settlement.via(),
        Instant.ofEpochMilli(settlement.atMillis()));
  }

  void settled(String escalationId, Settlement settlement) {
    stop(escalationId, settlement);
    Settlement told = escalations.find(escalationId).map(e -> recorded(e, settlement)).orElse(settlement);
    Set<String> toldRefs = new HashSet<>();
    for (StoredPage page : pages.awaitingSettleNotice(escalationId)) {
      PageSender sender = senders.get(page.channel());
      if (sender == null) {
        LOG.warn(
            "Page {} cannot be told of the settlement: {} is no longer configured", page.id(), page.channel());
        continue;
      }
      try {
        // Pages rolled up into one message are told once.
        if (toldRefs.add(page.providerRef())) {
          outbox.tell(
              sender, new SettleNotice(OutgoingPages.of(page), new SentMessage(page.providerRef()), told));
        }
        pages.markSettleNotified(page.id(), clock.instant());
      } catch (ChannelException e) {
        switch (e.kind()) {
          case PERMANENT, OPTED_OUT -> {
            LOG.warn(
                "Page {} could not be told of the settlement: {}",
                page.id(), ChannelMessages.reason(e, page.address()));
            pages.markSettleNotified(page.id(), clock.instant());
          }
          case TRANSIENT, RATE_LIMITED -> throw FailureType.UNREACHABLE.retryable(
              "not everyone paged was told yet how escalation " + escalationId + " was settled: "
                  + ChannelMessages.reason(e, page.address()),
              null);
        }
      }
    }
  }

  /** The first settlement recorded is the one everybody hears about. */
  private static Settlement recorded(StoredEscalation escalation, Settlement settlement) {
    if (escalation.settledAction() == null) {
      return settlement;
    }
    return new Settlement(
        escalation.settledAction(), escalation.settledBy(), escalation.settledVia(),
        escalation.settledAt().toEpochMilli(), settlement.fromPage());
  }
}
