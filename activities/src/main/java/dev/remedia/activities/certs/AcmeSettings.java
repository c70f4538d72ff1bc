package dev.remedia.activities.certs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where and how Remedia orders certificates, from the operator configuration's {@code certificates.acme}.
 *
 * @param directory the CA's ACME directory URL
 * @param accountKey the account key file: created (mode 0600) on first use, then reused
 * @param contact an email address the CA may write to, or null
 * @param trust a PEM file of CA certificates to trust for the ACME server (a private or test CA), or null
 *     for the JVM's default trust
 * @param dnsHook the command that sets and removes DNS-01 TXT records, or an empty list when DNS-01 is
 *     not configured: it is run as {@code <hook...> present|cleanup <domain> <value>}
 * @param webroot a directory a web server serves, to write HTTP-01 tokens into, or null when Remedia
 *     answers them itself at {@code /.well-known/acme-challenge/}
 * @param validationTimeout how long to wait for the CA to validate one challenge
 */
public record AcmeSettings(
    URI directory,
    Path accountKey,
    String contact,
    Path trust,
    List<String> dnsHook,
    Path webroot,
    Duration validationTimeout) {

  public AcmeSettings {
    dnsHook = dnsHook == null ? List.of() : List.copyOf(dnsHook);
    validationTimeout = validationTimeout == null ? Duration.ofMinutes(2) : validationTimeout;
  }
}
