package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.EscalationWorkflow;
import dev.remedia.workflows.paging.PageOutcome;
import io.temporal.client.WorkflowClient;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a page's outcome to its escalation by the delivery signal, ahead of the activity's result. Best
 * effort: the result carries every outcome too, so a signal that does not arrive only delays the move
 * to the next contact until the level's sends are done.
 */
final class EscalationReports {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationReports.class);

  private EscalationReports() {}

  static Consumer<PageOutcome> to(WorkflowClient client, String escalationId) {
    return outcome -> {
      try {
        client.newWorkflowStub(EscalationWorkflow.class, escalationId).delivery(outcome);
      } catch (RuntimeException e) {
        LOG.warn("Escalation {} hears of page {} with the level's result instead: {}", escalationId, outcome.pageId(), e.toString());
      }
    };
  }
}
