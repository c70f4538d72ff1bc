package dev.remedia.workflows.paging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Duration;
import java.util.List;

/** What an escalation needs from the world: the on-call configuration, the channels and the journal. */
@ActivityInterface(namePrefix = "Paging.")
public interface PagingActivities {

  /**
   * Reads the policy from the configuration, gives the escalation a reply code and records it.
   * Idempotent per {@code escalationId}: a retry returns the same plan and code. Fails permanently when
   * the policy does not exist.
   */
  @ActivityMethod(name = "plan")
  EscalationPlan plan(String escalationId, EscalationRequest request);

  /**
   * Who a level reaches at {@code atMillis}: schedules resolved to their on-call person, each person's
   * contacts filtered by the level's channels, their preferences, quiet hours and opted-out numbers.
   */
  @ActivityMethod(name = "recipients")
  List<Recipient> recipients(String escalationId, EscalationLevel level, long atMillis);

  /**
   * Sends one page, paced per destination and rolled up in bursts; runs on the {@link PacedQueue}. Idempotent per
   * {@link PageRequest#pageId}: a retry after a send that reached the channel sends nothing again.
   */
  @ActivityMethod(name = "send")
  PageOutcome send(PageRequest page);

  /**
   * Sends a level's first page to each of its recipients, side by side, each as {@link #send} would;
   * runs on the {@link PacedQueue}. One activity for the level rather than one per recipient: under a
   * storm of incidents every activity task waits its turn to be handed out. A page that moves on
   * (failed, opted out) is reported to the escalation through its delivery signal as soon as it is
   * known, so the recipient's next contact does not wait for the others; every outcome also comes back
   * in the result. Idempotent per page id: a retry sends only what was not sent.
   */
  @ActivityMethod(name = "sendLevel")
  List<PageOutcome> sendLevel(List<PageRequest> pages);

  /**
   * How far ahead of a level's due time its send is scheduled: under a storm, the escalation's workflow
   * task and the send's activity task each wait their turn (up to a second or so each on the dev
   * server), and this absorbs that wait instead of adding it to the level.
   */
  Duration DISPATCH_AHEAD = Duration.ofSeconds(2);

  /**
   * As {@link #sendLevel}, scheduled up to {@link #DISPATCH_AHEAD} before the level is due: waits until
   * {@code dueAtMillis} (never longer than that), then sends. Someone answering meanwhile withdraws
   * the pages, as for any page waiting for its turn.
   */
  @ActivityMethod(name = "sendLevelAt")
  List<PageOutcome> sendLevelAt(List<PageRequest> pages, long dueAtMillis);

  /**
   * Records the settlement on the escalation, which withdraws every page still waiting for its turn,
   * and tells nobody: it never waits in a lane, so paging stops as soon as Temporal runs it. The first
   * settlement recorded stands. Idempotent per escalation.
   */
  @ActivityMethod(name = "stop")
  void stop(String escalationId, Settlement settlement);

  /**
   * Records the settlement when {@link #stop} has not, and tells those already paged: Slack messages
   * are updated, people paged by SMS get a short notice. Waits in the destinations' lanes, so it runs
   * on the {@link PacedQueue}. Idempotent per escalation.
   */
  @ActivityMethod(name = "settled")
  void settled(String escalationId, Settlement settlement);

  /** Records that the policy ran out without an acknowledgement. Idempotent per escalation. */
  @ActivityMethod(name = "exhausted")
  void exhausted(String escalationId, FinalAction action);

  /** Records a line on the incident's or run's timeline (a skipped contact, a failed delivery). */
  @ActivityMethod(name = "note")
  void note(String escalationId, String kind, String detail);
}
