package dev.remedia.runbooks.certrenewal;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Probes the certificate inventory on an interval and starts a cert-renewal run for each endpoint
 * that is due. One per deployment, started at boot under {@link #WORKFLOW_ID}.
 */
@WorkflowInterface
public interface CertSweepWorkflow {

  String WORKFLOW_ID = "cert-sweep";

  @WorkflowMethod(name = "cert-sweep")
  void sweep(SweepPlan plan);

  /** A new configuration's plan, sent at boot: the next round uses it. */
  @SignalMethod(name = "plan")
  void plan(SweepPlan plan);
}
