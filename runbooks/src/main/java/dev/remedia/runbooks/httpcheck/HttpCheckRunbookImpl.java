package dev.remedia.runbooks.httpcheck;

import dev.remedia.workflows.incident.Severity;
import dev.remedia.workflows.paging.RunPaging;
import dev.remedia.workflows.probe.HttpProbeActivities;
import dev.remedia.workflows.probe.HttpProbeActivities.HttpProbeRequest;
import dev.remedia.workflows.probe.HttpProbeActivities.HttpProbeResult;
import dev.remedia.workflows.probe.HttpProbeActivities.TlsCertificate;
import dev.remedia.workflows.runbook.FailureType;
import dev.remedia.workflows.runbook.Failures;
import dev.remedia.workflows.runbook.RunJournal;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class HttpCheckRunbookImpl implements HttpCheckRunbook {

  static final String NAME = "http-check";

  public static final RunbookDefinition DEFINITION =
      new RunbookDefinition(
          NAME,
          "Probes an HTTP(S) URL: status code, latency and, for HTTPS, the served certificate.",
          HttpCheckInput.class,
          HttpCheckRunbookImpl.class);

  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  @Override
  public HttpCheckResult check(HttpCheckInput input) {
    return RunJournal.run(
        input,
        run -> {
          HttpProbeResult probe = probeOrPage(run, input);
          if (probe.certificate() == null) {
            run.skip("certificate", "plain HTTP: no certificate to inspect");
            return new HttpCheckResult(
                input.url(), probe.statusCode(), probe.latencyMillis(), null, null);
          }
          long daysLeft =
              run.step(
                  "certificate",
                  () -> daysLeft(probe.certificate()),
                  days -> describeCertificate(probe.certificate(), days));
          return new HttpCheckResult(
              input.url(), probe.statusCode(), probe.latencyMillis(), probe.certificate(), daysLeft);
        });
  }

  /** A failed check pages the input's escalation policy, if it names one, before the run fails. */
  private HttpProbeResult probeOrPage(RunJournal run, HttpCheckInput input) {
    try {
      return run.step("probe", () -> probe(input), HttpCheckRunbookImpl::describeProbe);
    } catch (TemporalFailure failure) {
      if (input.escalation() != null && !RunJournal.cancelRequested()) {
        page(run, input.escalation(), failure);
      }
      throw failure;
    }
  }

  /** Paging that cannot start shows on its own step; the run still fails for the probe's reason. */
  private static void page(RunJournal run, String policy, TemporalFailure probeFailure) {
    try {
      RunPaging.page(run, policy, Severity.ERROR, "http-check failed: " + Failures.reason(probeFailure));
    } catch (TemporalFailure pagingFailure) {
      // Recorded as the page step's failure by the journal.
    }
  }

  private HttpProbeResult probe(HttpCheckInput input) {
    HttpProbeActivities probes =
        Workflow.newActivityStub(
            HttpProbeActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(input.timeoutSeconds() + 5L))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofSeconds(30))
                        .setMaximumAttempts(input.maxAttempts())
                        .build())
                .build());
    try {
      return probes.probe(
          new HttpProbeRequest(input.url(), input.expectedStatus(), input.timeoutSeconds()));
    } catch (ActivityFailure failure) {
      if (RunJournal.cancelRequested()) {
        throw failure;
      }
      String reason = input.url() + ": " + Failures.reason(failure);
      if (failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
        reason += " (gave up after " + input.maxAttempts() + " attempts)";
      }
      throw FailureType.RUNBOOK_FAILED.permanent(reason);
    }
  }

  private static long daysLeft(TlsCertificate certificate) {
    return Math.floorDiv(
        certificate.notAfter().toEpochMilli() - Workflow.currentTimeMillis(), MILLIS_PER_DAY);
  }

  private static String describeProbe(HttpProbeResult probe) {
    return "HTTP " + probe.statusCode() + " in " + probe.latencyMillis() + " ms";
  }

  private static String describeCertificate(TlsCertificate certificate, long daysLeft) {
    return certificate.subject()
        + ", issued by "
        + certificate.issuer()
        + ", expires "
        + certificate.notAfter()
        + " ("
        + daysLeft
        + " days left)";
  }
}
