package dev.remedia.activities.paging;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.paging.StopRequests.StopRequest;
import dev.remedia.activities.store.EscalationStatus;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.PageStatus;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.StoredEscalation;
import dev.remedia.activities.store.StoredIncident;
import dev.remedia.activities.store.StoredPage;
import dev.remedia.workflows.incident.IncidentStatus;
import dev.remedia.workflows.incident.IncidentWorkflow;
import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageDelivery;
import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.SettleAction;
import dev.remedia.workflows.paging.Settlement;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what people answered from a channel to their escalation, and channels' delivery reports to
 * the pages they concern. The escalation workflow decides; this only checks who answered and what, and
 * says so in a sentence the person sees.
 */
public final class PageAnswerService implements PageAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(PageAnswerService.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

  private final WorkflowClient client;
  private final Supplier<OnCallDirectory> directory;
  private final PagingStores stores;
  private final IncidentStore incidents;
  private final StopRequests stopRequests;
  private final RemediaCounters counters;
  private final Clock clock;

  public PageAnswerService(
      WorkflowClient client,
      Supplier<OnCallDirectory> directory,
      PagingStores stores,
      IncidentStore incidents,
      RemediaCounters counters,
      Clock clock) {
    this.client = client;
    this.directory = directory;
    this.stores = stores;
    this.incidents = incidents;
    this.stopRequests = new StopRequests(stores, clock);
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public AnswerResult answer(PageAnswer answer) {
    Optional<Person> person = responder(answer);
    if (person.isEmpty()) {
      return new AnswerResult(
          AnswerResult.Outcome.NOT_ALLOWED,
          "You are not in Remedia's on-call configuration, so you cannot answer pages.");
    }
    Optional<StoredEscalation> escalation =
        answered(answer).flatMap(page -> stores.escalations().find(page.escalationId()));
    if (escalation.isEmpty()) {
      return new AnswerResult(AnswerResult.Outcome.UNKNOWN_PAGE, unknown(answer));
    }
    if (escalation.get().status() == EscalationStatus.EXHAUSTED && escalation.get().incidentId() != null) {
      return settleIncidentDirectly(escalation.get(), settlement(answer, person.get(), clock.instant()));
    }
    if (escalation.get().status() != EscalationStatus.PAGING) {
      return alreadySettled(escalation.get());
    }
    StopRequest stop = stopRequests.forEscalation(escalation.get().id());
    Settlement settlement = settlement(answer, person.get(), stop.at());
    try {
      client.newWorkflowStub(EscalationWorkflow.class, escalation.get().id()).settle(settlement);
    } catch (WorkflowNotFoundException e) {
      stop.refused();
      // The escalation ended before its row said so: what is recorded now is the best answer.
      return alreadySettled(stores.escalations().find(escalation.get().id()).orElse(escalation.get()));
    } catch (RuntimeException e) {
      stop.refused();
      throw e;
    }
    stop.taken();
    return accepted(settlement, "Paging stops.");
  }

  private static Settlement settlement(PageAnswer answer, Person person, Instant at) {
    String via = answer.via().name().toLowerCase(Locale.ROOT);
    return new Settlement(answer.action(), person.name(), via, at.toEpochMilli(), true);
  }

  /**
   * A policy that ran out left its incident open and unacknowledged; someone answering its page late
   * is exactly what the incident is waiting for, so the answer goes to the incident itself.
   */
  private AnswerResult settleIncidentDirectly(StoredEscalation escalation, Settlement settlement) {
    Optional<StoredIncident> incident = incidents.find(UUID.fromString(escalation.incidentId()));
    boolean settleable =
        incident.isPresent()
            && switch (IncidentStatus.valueOf(incident.get().status())) {
              case OPEN -> true;
              case ACKNOWLEDGED -> settlement.action() == SettleAction.RESOLVE;
              case RESOLVED, CLOSED -> false;
            };
    if (!settleable) {
      return new AnswerResult(
          AnswerResult.Outcome.ALREADY_SETTLED,
          "Paging already stopped, and the incident is "
              + incident.map(i -> i.status().toLowerCase(Locale.ROOT)).orElse("gone") + ".");
    }
    try {
      client
          .newUntypedWorkflowStub(incident.get().workflowId())
          .signal(IncidentWorkflow.SETTLE_SIGNAL, escalation.incidentId(), settlement);
    } catch (WorkflowNotFoundException e) {
      return new AnswerResult(AnswerResult.Outcome.ALREADY_SETTLED, "Paging already stopped, and the incident is closed.");
    }
    return accepted(settlement, "Paging had already stopped; the incident has your answer.");
  }

  private static AnswerResult accepted(Settlement settlement, String followUp) {
    String done = settlement.action() == SettleAction.ACKNOWLEDGE ? "Acknowledged" : "Resolved";
    return new AnswerResult(AnswerResult.Outcome.ACCEPTED, done + " by " + settlement.by() + ". " + followUp);
  }

  @Override
  public void delivery(String providerRef, PageDelivery delivery, String detail) {
    List<StoredPage> changed =
        stores.pages().recordDelivery(providerRef, PageStatus.of(delivery), detail, clock.instant());
    for (StoredPage page : changed) {
      counters.pageReported(page.channel(), page.status());
      if (delivery == PageDelivery.OPTED_OUT && page.channel() == PageChannel.SMS) {
        stores.optOuts().optOut(page.address(), clock.instant());
      }
      if (delivery.movesOn()) {
        try {
          client
              .newWorkflowStub(EscalationWorkflow.class, page.escalationId())
              .delivery(new PageOutcome(page.id(), delivery, detail));
        } catch (WorkflowNotFoundException e) {
          LOG.debug("Delivery report for page {} came after its escalation ended", page.id());
        }
      }
    }
  }

  @Override
  public void optOut(String phone, boolean optedOut) {
    if (optedOut) {
      stores.optOuts().optOut(phone, clock.instant());
    } else {
      stores.optOuts().optIn(phone);
    }
  }

  private Optional<Person> responder(PageAnswer answer) {
    if (answer.responder() == null) {
      return Optional.empty();
    }
    OnCallDirectory people = directory.get();
    return switch (answer.via()) {
      case SLACK -> people.personBySlackUser(answer.responder());
      case SMS, VOICE -> people.personByPhone(answer.responder());
      case CONSOLE -> people.person(answer.responder());
    };
  }

  /** A button or a call names its page; an SMS reply names a code, matched with the number it came from. */
  private Optional<StoredPage> answered(PageAnswer answer) {
    if (answer.pageId() != null) {
      return stores.pages().find(answer.pageId());
    }
    if (answer.via() == PageChannel.SMS && answer.replyCode() != null) {
      return stores.pages().answeredBySms(answer.responder(), answer.replyCode());
    }
    return Optional.empty();
  }

  private static String unknown(PageAnswer answer) {
    if (answer.pageId() == null && answer.replyCode() != null) {
      return "No page to this number has the code " + answer.replyCode() + ".";
    }
    return "Remedia knows no such page.";
  }

  private AnswerResult alreadySettled(StoredEscalation escalation) {
    String message =
        switch (escalation.status()) {
          case ACKNOWLEDGED, RESOLVED -> "Already "
              + (escalation.settledAction() == SettleAction.ACKNOWLEDGE ? "acknowledged" : "resolved")
              + " by " + escalation.settledBy() + " via " + escalation.settledVia() + " at "
              + when(escalation.settledAt()) + ".";
          case EXHAUSTED -> "Paging already stopped: nobody acknowledged in time.";
          case PAGING -> "Paging already stopped.";
        };
    return new AnswerResult(AnswerResult.Outcome.ALREADY_SETTLED, message);
  }

  /** The time of day, with the date when it was not today (UTC). */
  private String when(Instant at) {
    String time = TIME.format(at.atOffset(ZoneOffset.UTC));
    LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
    return day.equals(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)) ? time : time + " on " + day;
  }
}
