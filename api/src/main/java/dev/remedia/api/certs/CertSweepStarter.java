package dev.remedia.api.certs;

import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.operator.CertificatesConfig;
import dev.remedia.api.operator.OperatorConfig;
import dev.remedia.runbooks.certrenewal.CertSweepWorkflow;
import dev.remedia.runbooks.certrenewal.SweepPlan;
import io.micronaut.context.annotation.Context;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the certificate sweep at boot, or hands the running one this configuration's inventory:
 * signal-with-start on a fixed workflow id, so replicas booting together still run one sweep.
 */
@Context
class CertSweepStarter {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.certificates");

  CertSweepStarter(WorkflowClient temporal, TemporalSettings settings, OperatorConfig config) {
    CertificatesConfig certificates = config.certificates();
    if (certificates.inventory().isEmpty()) {
      LOG.info("Certificates: no inventory, so no sweep");
      return;
    }
    SweepPlan plan = new SweepPlan(certificates.inventory(), certificates.sweepInterval().toSeconds());
    CertSweepWorkflow sweep =
        temporal.newWorkflowStub(
            CertSweepWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CertSweepWorkflow.WORKFLOW_ID)
                .setTaskQueue(settings.taskQueue())
                .build());
    BatchRequest request = temporal.newSignalWithStartRequest();
    request.add(sweep::sweep, plan);
    request.add(sweep::plan, plan);
    try {
      temporal.signalWithStart(request);
    } catch (WorkflowServiceException e) {
      // Renewals still run by hand and from alerts; the sweep starts at the next boot.
      LOG.error("Certificates: cannot start the sweep, Temporal refused: {}", e.getMessage());
      return;
    }
    LOG.info(
        "Certificates: sweeping {} endpoint(s) every {}",
        certificates.inventory().size(),
        certificates.sweepInterval());
  }
}
