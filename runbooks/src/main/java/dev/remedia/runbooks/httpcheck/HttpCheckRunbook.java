package dev.remedia.runbooks.httpcheck;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Probes an HTTP(S) endpoint and reports status, latency and the served certificate. */
@WorkflowInterface
public interface HttpCheckRunbook {

  /** The workflow type is pinned to the runbook's catalog name. */
  @WorkflowMethod(name = HttpCheckRunbookImpl.NAME)
  HttpCheckResult check(HttpCheckInput input);
}
