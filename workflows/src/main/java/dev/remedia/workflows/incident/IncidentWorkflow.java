package dev.remedia.workflows.incident;

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
   * The workflow id for a source's dedupe key. Keys that are long or hold control characters are
   * hashed, so any key a monitor sends gives a valid, stable id.
   */
  static String workflowId(String source, String dedupeKey) {
    return "incident/" + source + "/" + WorkflowIds.readableOrHashed(dedupeKey);
  }
}
