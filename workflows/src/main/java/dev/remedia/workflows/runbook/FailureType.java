package dev.remedia.workflows.runbook;

import io.temporal.failure.ApplicationFailure;

/**
 * The one list of failure types that adapters and runbooks report. Adapters classify each error once:
 * permanent errors become non-retryable failures; transient ones are retried by Temporal.
 */
public enum FailureType {
  /** The input cannot work, whatever is retried. */
  INVALID_INPUT,
  /** The target could not be reached (connection refused, DNS, timeout): usually transient. */
  UNREACHABLE,
  /** The TLS handshake failed: the certificate is not trusted, expired or for another name. */
  TLS_HANDSHAKE_FAILED,
  /** The target answered with a server error or asked us to slow down: usually transient. */
  SERVER_ERROR,
  /** The target answered with a status the check does not accept. */
  UNEXPECTED_STATUS,
  /** The ACME server could not validate a challenge: the token or TXT record was not where it looked. */
  CHALLENGE_FAILED,
  /** Installing a certificate failed: a file could not be written or the reload command failed. */
  DEPLOY_FAILED,
  /** A runbook decided its run failed; the message says why. */
  RUNBOOK_FAILED;

  /** A failure Temporal must not retry. */
  public ApplicationFailure permanent(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, name());
  }

  /** A failure Temporal retries under the activity's retry policy. */
  public ApplicationFailure retryable(String message, Throwable cause) {
    return ApplicationFailure.newFailureWithCause(message, name(), cause);
  }
}
