package dev.remedia.activities.paging;

import static dev.remedia.activities.store.PagingFixtures.T0;
import static dev.remedia.activities.store.PagingFixtures.freeReplyCode;
import static dev.remedia.activities.store.PagingFixtures.newIncidentId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.store.EscalationStore;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.paging.FinalAction;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reply codes against a real PostgreSQL, with the random draws scripted. */
@Timeout(60)
class EscalationPlannerTest {

  private final EscalationStore escalations = new EscalationStore(TestDatabases.shared().dsl());
  private final OnCallDirectory directory =
      new OnCallDirectory(
          List.of(),
          List.of(),
          List.of(new EscalationPolicy("default", List.of(), 0, FinalAction.MARK_UNACKNOWLEDGED, null)));

  /** Answers the codes given, in order, as draws from 1000 to 9999. */
  private static RandomGenerator drawing(String... codes) {
    Deque<Integer> draws = new ArrayDeque<>();
    for (String code : codes) {
      draws.add(Integer.parseInt(code) - 1000);
    }
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int nextInt(int bound) {
        return draws.remove();
      }
    };
  }

  @Test
  void aCodeAnotherEscalationStillPagesWithIsDrawnAgain() {
    String held = freeReplyCode(escalations);
    planner(drawing(held)).plan("escalation/" + newIncidentId(), request());
    String free = freeReplyCode(escalations);
    String id = "escalation/" + newIncidentId();

    String code = planner(drawing(held, held, free)).plan(id, request()).replyCode();

    assertEquals(free, code);
    assertEquals(free, escalations.find(id).orElseThrow().replyCode());
  }

  private EscalationPlanner planner(RandomGenerator random) {
    return new EscalationPlanner(() -> directory, escalations, random, Clock.fixed(T0, ZoneOffset.UTC));
  }

  private static EscalationRequest request() {
    return new EscalationRequest("s", null, null, "run-1", "default", "summary", "CRITICAL", null);
  }
}
