package dev.remedia.workflows.certs;

/** How the ACME server checks that we control a domain. */
public enum ChallengeType {
  /** A token served at {@code http://<domain>/.well-known/acme-challenge/<token>}. */
  HTTP_01,
  /** A TXT record at {@code _acme-challenge.<domain>}, set by the operator's DNS hook. */
  DNS_01
}
