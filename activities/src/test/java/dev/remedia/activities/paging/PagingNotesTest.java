package dev.remedia.activities.paging;

import static dev.remedia.activities.store.PagingFixtures.newIncidentId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.store.EscalationNote;
import dev.remedia.activities.store.PagingFixtures;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.TestDatabases;
import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.EscalationPlan;
import dev.remedia.workflows.paging.EscalationRequest;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageOutcome;
import dev.remedia.workflows.paging.PageRequest;
import dev.remedia.workflows.paging.PagingActivities;
import dev.remedia.workflows.paging.Recipient;
import dev.remedia.workflows.paging.Settlement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Notes written by real activity executions, so retries and activity ids are Temporal's own. */
@Timeout(60)
class PagingNotesTest {

  private static final String TASK_QUEUE = "paging-notes-test";
  private static final Instant NOW = Instant.parse("2026-11-21T14:00:00Z");

  @WorkflowInterface
  public interface NotingWorkflow {
    @WorkflowMethod
    void noteTwice(String escalationId);
  }

  /** Notes the same line twice, as an escalation that skips the same contact in two rounds would. */
  public static class NotingWorkflowImpl implements NotingWorkflow {

    private final PagingActivities paging =
        Workflow.newActivityStub(
            PagingActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10)).build())
                .build());

    @Override
    public void noteTwice(String escalationId) {
      paging.note(escalationId, "contact-skipped", "Alice: sms is not configured");
      paging.note(escalationId, "contact-skipped", "Alice: sms is not configured");
    }
  }

  /** Writes each note, then fails its first attempt, as a worker dying before it reports would. */
  static final class FailingAfterNote implements PagingActivities {

    private final PagingActivities paging;

    FailingAfterNote(PagingActivities paging) {
      this.paging = paging;
    }

    @Override
    public void note(String escalationId, String kind, String detail) {
      paging.note(escalationId, kind, detail);
      if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
        throw new IllegalStateException("lost before reporting");
      }
    }

    @Override
    public EscalationPlan plan(String escalationId, EscalationRequest request) {
      return paging.plan(escalationId, request);
    }

    @Override
    public List<Recipient> recipients(String escalationId, EscalationLevel level, long atMillis) {
      return paging.recipients(escalationId, level, atMillis);
    }

    @Override
    public PageOutcome send(PageRequest page) {
      return paging.send(page);
    }

    @Override
    public List<PageOutcome> sendLevel(List<PageRequest> pages) {
      return paging.sendLevel(pages);
    }

    @Override
    public List<PageOutcome> sendLevelAt(List<PageRequest> pages, long dueAtMillis) {
      return paging.sendLevelAt(pages, dueAtMillis);
    }

    @Override
    public void stop(String escalationId, Settlement settlement) {
      paging.stop(escalationId, settlement);
    }

    @Override
    public void settled(String escalationId, Settlement settlement) {
      paging.settled(escalationId, settlement);
    }

    @Override
    public void exhausted(String escalationId, FinalAction action) {
      paging.exhausted(escalationId, action);
    }
  }

  private final TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void aRetriedNoteLandsOnceAndARepeatedNoteTwice() {
    PagingStores stores = PagingStores.of(TestDatabases.shared().dsl());
    String incident = newIncidentId();
    String escalationId = PagingFixtures.paging(stores.escalations(), incident);
    Worker worker = temporal.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(NotingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new FailingAfterNote(
            new PagingActivitiesImpl(
                OnCallDirectory::empty, stores, Map.of(), Pacing.STANDARD,
                new RemediaCounters(new SimpleMeterRegistry()), Clock.fixed(NOW, ZoneOffset.UTC))));
    temporal.start();

    temporal
        .getWorkflowClient()
        .newWorkflowStub(NotingWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).build())
        .noteTwice(escalationId);

    EscalationNote note =
        new EscalationNote(escalationId, incident, NOW, "contact-skipped", "Alice: sms is not configured");
    assertEquals(List.of(note, note), stores.escalations().notesOfIncident(incident));
  }
}
