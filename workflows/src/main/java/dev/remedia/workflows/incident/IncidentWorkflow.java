package dev.remedia.workflows.incident;

import dev.remedia.workflows.paging.Settlement;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One incident per dedupe key. Webhooks deliver alerts with signal-with-start on the workflow id
 * {@link #workflowId}; the workflow folds repeats, resolves, waits out the flap window and closes.
 */
@WorkflowInterface
public interface IncidentWorkflow {

  String TYPE = "incident";
  String ALERTS_SIGNAL = "alerts";
  String SETTLE_SIGNAL = "settle";

  /**
   * Runs the incident until it closes.
   *
   * @param carried the state a continued-as-new execution goes on from, or null for a new incident
   */
  @WorkflowMethod(name = TYPE)
  void run(IncidentState carried);

  @SignalMethod(name = ALERTS_SIGNAL)
  void alerts(AlertBatch batch);

  /**
   * A person acknowledged or resolved the incident: through the API, or by answering a page (then the
   * escalation passes it on). Repeats are harmless.
   *
   * @param incidentId the incident meant: the workflow id outlives its incidents, and a settlement for
   *     one that closed must not touch the next
   */
  @SignalMethod(name = SETTLE_SIGNAL)
  void settle(String incidentId, Settlement settlement);

  /**
   * The workflow id for a source's dedupe key. Keys that are long or hold control characters are
   * hashed, so any key a monitor sends gives a valid, stable id.
   */
  static String workflowId(String source, String dedupeKey) {
    return "incident/" + source + "/" + WorkflowIds.readableOrHashed(dedupeKey);
  }
}
