package dev.remedia.runbooks.certrenewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.runbooks.RecordingJournal;
import dev.remedia.workflows.certs.ChallengeType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sweep probes the inventory each interval and starts renewals only for due, unclaimed endpoints. */
@Timeout(60)
class CertSweepWorkflowTest {

  private static final String QUEUE = "cert-sweep-test";
  private static final CertRenewalInput WEB =
      new CertRenewalInput("web.example.org:443", null, null, ChallengeType.HTTP_01, "web", null, null, null, null, 30);

  private final RecordingJournal journal = new RecordingJournal();
  private final FakeClaims claims = new FakeClaims();
  private TestWorkflowEnvironment env;
  private FakeEndpoint endpoint;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    endpoint = new FakeEndpoint(env::currentTimeMillis);
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(CertSweepWorkflowImpl.class, CertRenewalRunbookImpl.class);
    worker.registerActivitiesImplementations(endpoint, journal, claims);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aDueEndpointGetsOneRenewalAndTheNextRoundFindsItRenewed() {
    endpoint.servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90));

    start(new SweepPlan(List.of(WEB), 3600));
    env.sleep(Duration.ofMinutes(5));

    assertEquals(1, endpoint.orders.get());
    assertEquals(FakeEndpoint.NEW_SERIAL, endpoint.served());
    String renewal = claims.holders.get(WEB.exclusiveKey());
    assertTrue(renewal.startsWith("cert-renewal-"), renewal);
    claims.release(WEB.exclusiveKey());
    env.sleep(Duration.ofHours(1));
    assertEquals(1, endpoint.orders.get(), "the new certificate is not due");
  }

  @Test
  void anEndpointNotYetDueIsOnlyProbed() {
    start(new SweepPlan(List.of(WEB), 3600));
    env.sleep(Duration.ofHours(3));

    assertTrue(endpoint.probes.get() >= 3, "probes " + endpoint.probes.get());
    assertEquals(0, endpoint.orders.get());
  }

  @Test
  void anEndpointWhoseRenewalIsAlreadyRunningIsLeftToIt() {
    endpoint.servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90));
    claims.holders.put(WEB.exclusiveKey(), "cert-renewal-started-by-an-alert");

    start(new SweepPlan(List.of(WEB), 3600));
    env.sleep(Duration.ofMinutes(5));

    assertEquals(0, endpoint.orders.get());
  }

  @Test
  void aNewPlanFromTheNextBootIsUsedFromTheNextRound() {
    endpoint.servingCertificateAged(Duration.ofDays(70), Duration.ofDays(90));
    CertSweepWorkflow sweep = start(new SweepPlan(List.of(), 3600));
    env.sleep(Duration.ofMinutes(1));
    assertEquals(0, endpoint.probes.get());

    sweep.plan(new SweepPlan(List.of(WEB), 3600));
    env.sleep(Duration.ofMinutes(5));

    assertEquals(1, endpoint.orders.get());
  }

  private CertSweepWorkflow start(SweepPlan plan) {
    CertSweepWorkflow sweep =
        env.getWorkflowClient()
            .newWorkflowStub(
                CertSweepWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(CertSweepWorkflow.WORKFLOW_ID).setTaskQueue(QUEUE).build());
    WorkflowClient.start(sweep::sweep, plan);
    return sweep;
  }
}
