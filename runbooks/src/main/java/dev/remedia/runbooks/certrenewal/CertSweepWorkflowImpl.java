package dev.remedia.runbooks.certrenewal;

import dev.remedia.workflows.certs.AcmeActivities;
import dev.remedia.workflows.certs.AcmeActivities.RenewalWindow;
import dev.remedia.workflows.certs.CertificateActivities;
import dev.remedia.workflows.certs.CertificateActivities.ProbeRequest;
import dev.remedia.workflows.certs.RenewalDue;
import dev.remedia.workflows.certs.ServedCertificate;
import dev.remedia.workflows.runbook.RunClaimActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ChildWorkflowStub;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Each round: probe every endpoint (which also refreshes the certificates table), and for each one due
 * (past two thirds of its lifetime, or inside the CA's renewal window) claim the endpoint and start a
 * renewal, or leave it to the renewal already running. Renewals outlive the sweep (abandoned children).
 * Continues as new every few rounds so its history stays small.
 */
public class CertSweepWorkflowImpl implements CertSweepWorkflow {

  static final int ROUNDS_PER_RUN = 20;

  private static final Logger LOG = Workflow.getLogger(CertSweepWorkflowImpl.class);

  private final CertificateActivities certificates =
      Workflow.newActivityStub(
          CertificateActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(20))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
              .build());
  private final AcmeActivities acme =
      Workflow.newActivityStub(
          AcmeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
              .build());
  private final RunClaimActivities claims =
      Workflow.newActivityStub(
          RunClaimActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

  private SweepPlan next;

  @Override
  public void sweep(SweepPlan plan) {
    SweepPlan current = plan;
    for (int round = 0; round < ROUNDS_PER_RUN; round++) {
      for (CertRenewalInput endpoint : current.inventory()) {
        sweep(endpoint);
      }
      Workflow.await(Duration.ofSeconds(current.intervalSeconds()), () -> next != null);
      if (next != null) {
        current = next;
        next = null;
      }
    }
    Workflow.continueAsNew(current);
  }

  @Override
  public void plan(SweepPlan plan) {
    next = plan;
  }

  private void sweep(CertRenewalInput endpoint) {
    ServedCertificate served;
    try {
      served = certificates.probe(new ProbeRequest(endpoint.endpoint(), endpoint.sni(), 10));
    } catch (TemporalFailure failure) {
      // An endpoint that cannot be probed now is probed next round; its alerts are the monitor's job.
      LOG.warn("cert-sweep cannot probe {}: {}", endpoint.endpoint(), failure.getMessage());
      return;
    }
    if (!due(served)) {
      return;
    }
    String runId = CertRenewalRunbookImpl.NAME + "-" + Workflow.randomUUID();
    String holder = claims.claim(new RunClaimActivities.Claim(endpoint.exclusiveKey(), runId));
    if (!holder.equals(runId)) {
      return;
    }
    ChildWorkflowStub renewal =
        Workflow.newUntypedChildWorkflowStub(
            CertRenewalRunbookImpl.NAME,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(runId)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
    renewal.executeAsync(CertRenewalResult.class, endpoint);
    try {
      renewal.getExecution().get();
    } catch (TemporalFailure failure) {
      LOG.warn("cert-sweep could not start {} for {}: {}", runId, endpoint.endpoint(), failure.getMessage());
    }
  }

  /** The runbook's own rule; a CA that cannot be asked leaves the decision to the lifetime rule. */
  private boolean due(ServedCertificate served) {
    RenewalWindow window;
    try {
      window = acme.renewalWindow(served.leafPem());
    } catch (TemporalFailure failure) {
      window = null;
    }
    return RenewalDue.of(served, window, Workflow.currentTimeMillis()).due();
  }
}
