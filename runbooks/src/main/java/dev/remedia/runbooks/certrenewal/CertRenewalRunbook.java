package dev.remedia.runbooks.certrenewal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Renews an endpoint's TLS certificate through ACME and ends only when the endpoint serves it. */
@WorkflowInterface
public interface CertRenewalRunbook {

  /** The workflow type is pinned to the runbook's catalog name. */
  @WorkflowMethod(name = CertRenewalRunbookImpl.NAME)
  CertRenewalResult renew(CertRenewalInput input);
}
