package dev.remedia.runbooks.certrenewal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.remedia.workflows.certs.ChallengeType;
import dev.remedia.workflows.runbook.ExclusiveInput;
import dev.remedia.workflows.runbook.InputChecks;
import dev.remedia.workflows.runbook.InputField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Input of {@code cert-renewal}; the constructor rejects what cannot work and fills the defaults. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertRenewalInput(
    @InputField(description = "The TLS endpoint to renew, as host:port (web.example.org:443).", required = true)
        String endpoint,
    @InputField(description = "The server name sent in the handshake; by default the endpoint's host.")
        String sni,
    @InputField(description = "The names the new certificate is for (at most 20); by default the SNI name.")
        List<String> domains,
    @InputField(description = "HTTP_01 (default) or DNS_01 (through the operator's DNS hook).")
        ChallengeType challenge,
    @InputField(description = "The deploy target, from certificates.deploy-targets in the configuration.", required = true)
        String deployTarget,
    @InputField(description = "Renew even when the served certificate is not due yet (default false).")
        Boolean force,
    @InputField(description = "An approver group that must approve the deploy; by default none is asked.")
        String approvers,
    @InputField(description = "An escalation policy paged when the renewal fails; by default nobody is paged.")
        String escalation,
    @InputField(description = "Hours before expiry at which ordering stops retrying and pages (1 to 2160, default 72).")
        Integer pageBeforeExpiryHours,
    @InputField(description = "Seconds to wait for the endpoint to serve the new certificate (5 to 3600, default 120).")
        Integer verifyTimeoutSeconds)
    implements ExclusiveInput {

  static final int MAX_NAME = 100;
  static final int MAX_DOMAINS = 20;
  static final int DEFAULT_PAGE_BEFORE_EXPIRY_HOURS = 72;
  static final int DEFAULT_VERIFY_TIMEOUT_SECONDS = 120;

  private static final Pattern HOST_NAME =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern DOMAIN =
      Pattern.compile("(\\*\\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

  public CertRenewalInput {
    endpoint = validEndpoint(endpoint);
    sni = sni == null ? host(endpoint) : hostName("sni", sni);
    domains = validDomains(domains, sni);
    challenge = challenge == null ? ChallengeType.HTTP_01 : challenge;
    if (challenge == ChallengeType.HTTP_01 && domains.stream().anyMatch(d -> d.startsWith("*."))) {
      throw new IllegalArgumentException("domains: a wildcard name needs challenge DNS_01");
    }
    deployTarget = InputChecks.required("deployTarget", deployTarget, MAX_NAME);
    force = force != null && force;
    approvers = InputChecks.optional("approvers", approvers, MAX_NAME);
    escalation = InputChecks.optional("escalation", escalation, MAX_NAME);
    pageBeforeExpiryHours =
        InputChecks.within(
            "pageBeforeExpiryHours", pageBeforeExpiryHours, DEFAULT_PAGE_BEFORE_EXPIRY_HOURS, 1, 2160);
    verifyTimeoutSeconds =
        InputChecks.within(
            "verifyTimeoutSeconds", verifyTimeoutSeconds, DEFAULT_VERIFY_TIMEOUT_SECONDS, 5, 3600);
  }

  /** One renewal per endpoint at a time: a second trigger joins the one running. */
  @Override
  public String exclusiveKey() {
    return "cert-renewal:" + endpoint;
  }

  /** The endpoint's host, without the port. */
  public static String host(String endpoint) {
    return endpoint.substring(0, endpoint.lastIndexOf(':'));
  }

  /** Lower-cases and checks {@code host:port}, so one endpoint has one spelling in ids and the table. */
  public static String validEndpoint(String endpoint) {
    String value = InputChecks.required("endpoint", endpoint, 260).toLowerCase(Locale.ROOT);
    int colon = value.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("endpoint must be host:port, like web.example.org:443");
    }
    hostName("endpoint", value.substring(0, colon));
    String port = value.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException("endpoint must end with a port from 1 to 65535, like :443");
    }
    return value;
  }

  private static String hostName(String field, String value) {
    String host = value.strip().toLowerCase(Locale.ROOT);
    if (!HOST_NAME.matcher(host).matches()) {
      throw new IllegalArgumentException(field + ": '" + abbreviated(value) + "' is not a host name");
    }
    return host;
  }

  private static List<String> validDomains(List<String> domains, String sni) {
    if (domains == null || domains.isEmpty()) {
      return List.of(sni);
    }
    if (domains.size() > MAX_DOMAINS) {
      throw new IllegalArgumentException("domains: at most " + MAX_DOMAINS + " names");
    }
    List<String> checked =
        domains.stream()
            .map(d -> d == null ? "" : d.strip().toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    for (String domain : checked) {
      if (!DOMAIN.matcher(domain).matches()) {
        throw new IllegalArgumentException(
            "domains: '" + abbreviated(domain) + "' is not a fully qualified domain name");
      }
    }
    return checked;
  }

  private static String abbreviated(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "..." : value;
  }
}
