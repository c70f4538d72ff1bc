package dev.remedia.api.temporal;

import dev.remedia.activities.approval.ApprovalActivitiesImpl;
import dev.remedia.activities.incident.IncidentJournalActivitiesImpl;
import dev.remedia.activities.journal.RunClaimActivitiesImpl;
import dev.remedia.activities.journal.RunJournalActivitiesImpl;
import dev.remedia.activities.journal.RunningWorkflows;
import dev.remedia.activities.metrics.RemediaCounters;
import dev.remedia.activities.paging.PagingActivitiesImpl;
import dev.remedia.activities.probe.HttpProbeActivitiesImpl;
import dev.remedia.activities.store.AcmeOrderStore;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.RunClaimStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.api.certs.RenewalActivities;
import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.logging.ActivityLogContext;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.runbooks.certrenewal.CertSweepWorkflowImpl;
import dev.remedia.workflows.approval.ApprovalWorkflowImpl;
import dev.remedia.workflows.incident.IncidentWorkflowImpl;
import dev.remedia.workflows.paging.EscalationWorkflowImpl;
import dev.remedia.workflows.paging.PacedQueue;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.micronaut.context.annotation.Context;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Temporal workers for Remedia's task queue, the incident and escalation workflows, every
 * runbook in the catalog and the activities they call, and for its {@link PacedQueue}. Starts with the application and drains in-flight tasks when it stops.
 * Every activity logs with the ids of the incident, run or approval it works for ({@link ActivityLogContext}).
 */
@Context
public class WorkerRunner {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.worker");

  private final WorkerFactory factory;

  WorkerRunner(
      WorkflowClient client,
      TemporalSettings settings,
      RunStore runs,
      IncidentStore incidents,
      PagingActivitiesImpl paging,
      ApprovalActivitiesImpl approvals,
      RemediaCounters counters,
      RenewalActivities renewals,
      AcmeOrderStore orders,
      RunClaimStore claims) {
    factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(settings.workflowCacheSize())
                .setMaxWorkflowThreadCount(settings.maxWorkflowThreads())
                .setWorkerInterceptors(new ActivityLogContext())
                .build());
    Worker worker = factory.newWorker(settings.taskQueue());
    worker.registerWorkflowImplementationTypes(
        IncidentWorkflowImpl.class, EscalationWorkflowImpl.class, ApprovalWorkflowImpl.class,
        CertSweepWorkflowImpl.class);
    for (RunbookDefinition runbook : RunbookCatalog.all()) {
      worker.registerWorkflowImplementationTypes(runbook.implementation());
    }
    worker.registerActivitiesImplementations(
        new RunJournalActivitiesImpl(runs, orders, counters),
        new IncidentJournalActivitiesImpl(incidents, runs),
        HttpProbeActivitiesImpl.withDefaultClient(),
        paging,
        approvals);
    worker.registerActivitiesImplementations(renewals.all());
    worker.registerActivitiesImplementations(
        new RunClaimActivitiesImpl(claims, new RunningWorkflows(client), Clock.systemUTC()));
    // Paging stays registered on the main queue too, for sends scheduled there before the paced queue.
    PacedQueue.newWorker(factory, settings.taskQueue()).registerActivitiesImplementations(paging);
    factory.start();
    LOG.info(
        "Worker: polling task queue '{}' in namespace '{}' for runbooks {}",
        settings.taskQueue(),
        settings.namespace(),
        RunbookCatalog.all().stream().map(RunbookDefinition::name).toList());
  }

  public boolean isRunning() {
    return factory.isStarted() && !factory.isShutdown();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }
}
