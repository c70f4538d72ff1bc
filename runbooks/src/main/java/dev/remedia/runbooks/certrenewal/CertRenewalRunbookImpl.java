package dev.remedia.runbooks.certrenewal;

import dev.remedia.workflows.approval.ApprovalOutcome;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.Approvals;
import dev.remedia.workflows.certs.AcmeActivities;
import dev.remedia.workflows.certs.AcmeActivities.IssuedCertificate;
import dev.remedia.workflows.certs.AcmeActivities.OrderRequest;
import dev.remedia.workflows.certs.AcmeActivities.RenewalWindow;
import dev.remedia.workflows.certs.CertificateActivities;
import dev.remedia.workflows.certs.CertificateActivities.ProbeRequest;
import dev.remedia.workflows.certs.CertificateActivities.RenewalRecord;
import dev.remedia.workflows.certs.DeployActivities;
import dev.remedia.workflows.certs.DeployActivities.DeployReport;
import dev.remedia.workflows.certs.DeployActivities.DeployRequest;
import dev.remedia.workflows.certs.RenewalDue;
import dev.remedia.workflows.certs.ServedCertificate;
import dev.remedia.workflows.incident.Severity;
import dev.remedia.workflows.paging.RunPaging;
import dev.remedia.workflows.runbook.FailureType;
import dev.remedia.workflows.runbook.Failures;
import dev.remedia.workflows.runbook.RunJournal;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Probe, order, (approve), deploy, verify, record. The run succeeds only when the endpoint itself
 * serves the new certificate; a deploy or verification that fails puts the previous files back.
 */
public class CertRenewalRunbookImpl implements CertRenewalRunbook {

  static final String NAME = "cert-renewal";

  public static final RunbookDefinition DEFINITION =
      new RunbookDefinition(
          NAME,
          "Renews a TLS certificate through ACME, deploys it and verifies that the endpoint serves it.",
          CertRenewalInput.class,
          CertRenewalRunbookImpl.class);

  /** Ordering always gets at least this long, even for a certificate already past its paging margin. */
  static final Duration MIN_ORDER_WINDOW = Duration.ofMinutes(30);
  static final Duration RENEWAL_INFO_WINDOW = Duration.ofMinutes(2);
  static final Duration MAX_ORDER_BACKOFF = Duration.ofHours(1);
  static final Duration VERIFY_POLL = Duration.ofSeconds(3);
  static final int PROBE_TIMEOUT_SECONDS = 10;

  private final CertificateActivities certificates =
      Workflow.newActivityStub(CertificateActivities.class, probeOptions(3));
  // A verification probe that fails counts as "not yet": the loop, not Temporal, retries it.
  private final CertificateActivities verifier =
      Workflow.newActivityStub(CertificateActivities.class, probeOptions(1));
  private final DeployActivities deploys =
      Workflow.newActivityStub(
          DeployActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(3))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setMaximumAttempts(3)
                      .build())
              .build());

  @Override
  public CertRenewalResult renew(CertRenewalInput input) {
    return RunJournal.run(
        input,
        run -> {
          try {
            return renew(run, input);
          } catch (TemporalFailure failure) {
            if (input.escalation() != null && !RunJournal.cancelRequested()) {
              page(run, input, failure);
            }
            throw failure;
          }
        });
  }

  private CertRenewalResult renew(RunJournal run, CertRenewalInput input) {
    Plan plan = run.step("probe", () -> plan(input), Plan::describe);
    ServedCertificate before = plan.served();
    if (!plan.due()) {
      run.skip("order", plan.reason());
      return new CertRenewalResult(
          input.endpoint(), false, plan.reason(), before.serial(), before.serial(), before.notAfter());
    }
    IssuedCertificate issued =
        run.step("order", () -> order(input, before), CertRenewalRunbookImpl::describeIssued);
    if (input.approvers() != null) {
      approve(run, input, before, issued, plan.reason());
    }
    DeployRequest deploy = new DeployRequest(runId(), input.deployTarget());
    try {
      run.step("deploy", () -> deploys.deploy(deploy), DeployReport::detail);
    } catch (TemporalFailure failure) {
      throw rolledBack(run, deploy, "deploy failed: " + Failures.reason(failure), failure);
    }
    ServedCertificate after;
    try {
      after = run.step("verify", () -> verify(input, issued), CertRenewalRunbookImpl::describeServed);
    } catch (TemporalFailure failure) {
      throw rolledBack(run, deploy, Failures.reason(failure), failure);
    }
    run.step(
        "record",
        () -> {
          certificates.record(new RenewalRecord(runId(), after, Instant.ofEpochMilli(now())));
          return after;
        },
        served -> "serial " + served.serial() + " recorded for " + served.endpoint());
    return new CertRenewalResult(
        input.endpoint(), true, plan.reason(), before.serial(), after.serial(), after.notAfter());
  }

  /** Reads the served certificate, checks the deploy target, and decides whether a renewal is due. */
  private Plan plan(CertRenewalInput input) {
    String target = deploys.describe(input.deployTarget());
    ServedCertificate served = probe(certificates, input);
    long now = now();
    if (input.force()) {
      return new Plan(served, target, true, "forced");
    }
    RenewalDue due = RenewalDue.of(served, renewalWindow(served), now);
    return new Plan(served, target, due.due(), due.reason());
  }

  /** The CA's suggestion, when it makes one; a CA that cannot say leaves the decision to the lifetime rule. */
  private static RenewalWindow renewalWindow(ServedCertificate served) {
    try {
      return acme(RENEWAL_INFO_WINDOW).renewalWindow(served.leafPem());
    } catch (ActivityFailure failure) {
      if (RunJournal.cancelRequested()) {
        throw failure;
      }
      return null;
    }
  }

  /**
   * Orders with retries that back off, but only until {@code pageBeforeExpiryHours} before the served
   * certificate expires: past that, waiting longer for the CA risks the outage, so the run pages.
   */
  private IssuedCertificate order(CertRenewalInput input, ServedCertificate served) {
    Instant deadline = served.notAfter().minus(Duration.ofHours(input.pageBeforeExpiryHours()));
    Duration window = Duration.ofMillis(Math.max(deadline.toEpochMilli() - now(), MIN_ORDER_WINDOW.toMillis()));
    try {
      return acme(window).order(new OrderRequest(runId(), input.domains(), input.challenge()));
    } catch (ActivityFailure failure) {
      if (RunJournal.cancelRequested()) {
        throw failure;
      }
      // Temporal stops retrying once the next attempt would start past the deadline (RETRY_STATE_TIMEOUT),
      // or when an attempt runs into it (a TimeoutFailure whose cause is the last attempt's error).
      if (failure.getRetryState() == RetryState.RETRY_STATE_TIMEOUT
          || failure.getCause() instanceof TimeoutFailure) {
        Throwable cause = failure.getCause();
        String last =
            cause instanceof TimeoutFailure && cause.getCause() != null
                ? Failures.reason(cause.getCause())
                : Failures.reason(failure);
        throw FailureType.RUNBOOK_FAILED.permanent(
            "no certificate from the CA by "
                + Instant.ofEpochMilli(now())
                + ", " + input.pageBeforeExpiryHours() + " h before the served one expires at "
                + served.notAfter() + "; last error: " + last);
      }
      throw FailureType.RUNBOOK_FAILED.permanent("order failed: " + Failures.reason(failure));
    }
  }

  private void approve(
      RunJournal run, CertRenewalInput input, ServedCertificate before, IssuedCertificate issued, String why) {
    ApprovalOutcome outcome =
        Approvals.ask(
            run,
            ApprovalRequest.of(
                "Deploy a new certificate to " + input.endpoint(),
                "install serial " + issued.serial() + " (expires " + issued.notAfter() + ") on deploy target '"
                    + input.deployTarget() + "' and reload, replacing serial " + before.serial(),
                "renewal due: " + why,
                input.approvers()));
    if (!outcome.approved()) {
      throw FailureType.RUNBOOK_FAILED.permanent("not approved: " + outcome.describe());
    }
  }

  /** Probes until the endpoint serves the issued serial, or the verification time is up. */
  private ServedCertificate verify(CertRenewalInput input, IssuedCertificate issued) {
    long until = now() + Duration.ofSeconds(input.verifyTimeoutSeconds()).toMillis();
    String lastSeen = "nothing";
    while (true) {
      try {
        ServedCertificate served = probe(verifier, input);
        if (served.serial().equals(issued.serial())) {
          return served;
        }
        lastSeen = "serial " + served.serial();
      } catch (ActivityFailure failure) {
        if (RunJournal.cancelRequested()) {
          throw failure;
        }
        lastSeen = "an error: " + Failures.reason(failure);
      }
      if (now() + VERIFY_POLL.toMillis() > until) {
        throw FailureType.RUNBOOK_FAILED.permanent(
            input.endpoint() + " still served " + lastSeen + ", not the new serial " + issued.serial()
                + ", after " + input.verifyTimeoutSeconds() + " s");
      }
      Workflow.sleep(VERIFY_POLL);
    }
  }

  /** Puts the previous files back and returns the failure the run ends with. */
  private TemporalFailure rolledBack(
      RunJournal run, DeployRequest deploy, String reason, TemporalFailure failure) {
    if (RunJournal.cancelRequested()) {
      return failure;
    }
    try {
      run.step("rollback", () -> deploys.rollback(deploy), DeployReport::detail);
      return FailureType.RUNBOOK_FAILED.permanent(reason + "; rolled back to the previous certificate");
    } catch (TemporalFailure rollbackFailure) {
      return FailureType.RUNBOOK_FAILED.permanent(
          reason + "; the rollback failed too: " + Failures.reason(rollbackFailure));
    }
  }

  /** Paging that cannot start shows on its own step; the run still fails for its own reason. */
  private static void page(RunJournal run, CertRenewalInput input, TemporalFailure failure) {
    try {
      RunPaging.page(
          run,
          input.escalation(),
          Severity.CRITICAL,
          "cert-renewal of " + input.endpoint() + " failed: " + Failures.reason(failure));
    } catch (TemporalFailure pagingFailure) {
      // Recorded as the page step's failure by the journal.
    }
  }

  private static ServedCertificate probe(CertificateActivities stub, CertRenewalInput input) {
    return stub.probe(new ProbeRequest(input.endpoint(), input.sni(), PROBE_TIMEOUT_SECONDS));
  }

  private static AcmeActivities acme(Duration window) {
    return Workflow.newActivityStub(
        AcmeActivities.class,
        ActivityOptions.newBuilder()
            .setScheduleToCloseTimeout(window)
            .setStartToCloseTimeout(Duration.ofMinutes(10))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(10))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(MAX_ORDER_BACKOFF)
                    .build())
            .build());
  }

  private static ActivityOptions probeOptions(int attempts) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(PROBE_TIMEOUT_SECONDS + 5L))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumAttempts(attempts)
                .build())
        .build();
  }

  private static String runId() {
    return Workflow.getInfo().getWorkflowId();
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }

  private static String describeIssued(IssuedCertificate issued) {
    return "issued serial " + issued.serial() + " by " + issued.issuer() + ", expires " + issued.notAfter();
  }

  private static String describeServed(ServedCertificate served) {
    return served.endpoint() + " serves serial " + served.serial() + ", expires " + served.notAfter();
  }

  /** What the probe found and what it means; lives only in the workflow, never in history. */
  private record Plan(ServedCertificate served, String target, boolean due, String reason) {

    String describe() {
      return "serves serial " + served.serial() + " for " + served.sans() + " from " + served.issuer()
          + ", expires " + served.notAfter() + "; " + (due ? "due: " : "") + reason + "; deploy: " + target;
    }
  }
}
