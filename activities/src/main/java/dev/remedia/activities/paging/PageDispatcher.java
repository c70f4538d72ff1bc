package dev.remedia.activities.paging;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.store.PageClaim;
import dev.remedia.activities.store.PageStatus;
import dev.remedia.activities.store.PageStore;
import dev.remedia.activities.store.SmsOptOutStore;
import dev.remedia.activities.store.StoredPage;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageDelivery;
import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.PageRequest;
import dev.remedia.workflows.runbook.FailureType;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a page at most once. The page row is claimed before anything goes out; a retry finds it and
 * answers what was recorded, or, when an earlier attempt died between sending and recording, asks the
 * channel whether the page went out instead of sending it again.
 */
final class PageDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(PageDispatcher.class);

  private final PageStore pages;
  private final SmsOptOutStore optOuts;
  private final Map<PageChannel, PageSender> senders;
  private final PagingOutbox outbox;
  private final RemediaCounters counters;
  private final Clock clock;

  PageDispatcher(
      PageStore pages,
      SmsOptOutStore optOuts,
      Map<PageChannel, PageSender> senders,
      PagingOutbox outbox,
      RemediaCounters counters,
      Clock clock) {
    this.pages = pages;
    this.optOuts = optOuts;
    this.senders = Map.copyOf(senders);
    this.outbox = outbox;
    this.counters = counters;
    this.clock = clock;
  }

  /**
   * @param lastChance whether a retry could still finish before the send's deadline; past it, a
   *     transient failure is recorded as the page's end instead of being handed to Temporal to retry:
   *     Temporal would abandon the send at its deadline and leave the page {@code SENDING} for good
   */
  PageOutcome send(PageRequest request, BooleanSupplier lastChance) {
    PageClaim claim = pages.claim(request, clock.instant());
    StoredPage row = claim.page();
    if (row.status() != PageStatus.SENDING) {
      return outcome(row);
    }
    PageChannel channel = request.contact().channel();
    PageSender sender = senders.get(channel);
    if (sender == null) {
      // The configuration changed between choosing the contact and sending to it.
      return record(request, PageStatus.FAILED, null, name(channel) + " is not configured");
    }
    OutgoingPage page = OutgoingPages.of(request);
    try {
      if (!claim.fresh()) {
        Optional<SentMessage> found = sender.findSent(page, row.createdAt());
        if (found.isPresent()) {
          return record(request, PageStatus.SENT, found.get().providerRef(), null);
        }
      }
      return dispatched(request, outbox.send(sender, page));
    } catch (ChannelException e) {
      return failed(request, e, lastChance);
    }
  }

  private PageOutcome dispatched(PageRequest request, PagingOutbox.Dispatch dispatch) {
    return switch (dispatch.kind()) {
      case SENT -> record(request, PageStatus.SENT, dispatch.sent().providerRef(), null);
      case ROLLED_UP -> record(
          request, PageStatus.ROLLED_UP, dispatch.sent().providerRef(),
          "sent in one message with " + (dispatch.batchSize() - 1) + " other pages to the same destination");
      case WITHDRAWN -> record(request, PageStatus.CANCELLED, null, "not sent: paging had stopped");
    };
  }

  private PageOutcome failed(PageRequest request, ChannelException e, BooleanSupplier lastChance) {
    PageChannel channel = request.contact().channel();
    String reason = ChannelMessages.reason(e, request.contact().address());
    return switch (e.kind()) {
      case PERMANENT -> {
        LOG.warn("Page {} over {} failed for good: {}", request.pageId(), name(channel), reason);
        yield record(request, PageStatus.FAILED, null, reason);
      }
      case OPTED_OUT -> record(request, PageStatus.OPTED_OUT, null, "the number opted out of SMS (STOP)");
      // Rate limits reach here only from outside the outbox (looking up a send): retried like the rest.
      case TRANSIENT, RATE_LIMITED -> {
        if (lastChance.getAsBoolean()) {
          LOG.warn("Page {} over {} given up at its deadline: {}", request.pageId(), name(channel), reason);
          yield record(request, PageStatus.FAILED, null, "gave up at the send's deadline: " + reason);
        }
        throw FailureType.UNREACHABLE.retryable(
            name(channel) + " page " + request.pageId() + " not sent yet: " + reason, null);
      }
    };
  }

  private PageOutcome record(PageRequest request, PageStatus status, String providerRef, String detail) {
    if (pages.recordOutcome(request.pageId(), status, providerRef, detail, clock.instant())) {
      counters.pageRecorded(request.contact().channel(), status);
    }
    return outcome(pages.find(request.pageId()).orElseThrow());
  }

  /**
   * What the workflow hears about a recorded page; a page never sent counts as failed. A text found
   * opted out, by the channel's refusal or by a report recorded with the send, opts its number out
   * here, so a retry after a crash in between still does.
   */
  private PageOutcome outcome(StoredPage page) {
    if (page.status() == PageStatus.OPTED_OUT && page.channel() == PageChannel.SMS) {
      optOuts.optOut(page.address(), clock.instant());
    }
    PageDelivery delivery =
        page.status() == PageStatus.CANCELLED ? PageDelivery.FAILED : PageDelivery.valueOf(page.status().name());
    return new PageOutcome(page.id(), delivery, page.detail());
  }

  private static String name(PageChannel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
