package dev.remedia.api.operator;

import dev.remedia.activities.certs.AcmeSettings;
import dev.remedia.activities.certs.DeployTarget;
import dev.remedia.activities.certs.FileDeployTarget;
import dev.remedia.activities.certs.HttpDeployTarget;
import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.runbooks.certrenewal.CertRenewalInput;
import dev.remedia.workflows.certs.ChallengeType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code certificates:}: the ACME CA and account, deploy targets, and the inventory the sweep watches. */
final class CertificatesSection {

  static final int MAX_INVENTORY = 1000;
  static final int MAX_COMMAND_ARGUMENTS = 20;

  private static final List<String> KEYS =
      List.of("acme", "deploy-targets", "inventory", "sweep-interval", "page-before-expiry", "verify-timeout");
  private static final List<String> ACME_KEYS =
      List.of("directory", "account-key", "contact", "trust", "dns-hook", "webroot");
  private static final List<String> TARGET_KEYS = List.of("name", "key", "chain", "reload", "reload-timeout", "hook");
  private static final List<String> ENDPOINT_KEYS =
      List.of("endpoint", "sni", "domains", "challenge", "deploy", "approvers", "escalation");

  private final NodeReader nodes;
  private final Set<String> policies;
  private final Set<String> approverGroups;

  CertificatesSection(NodeReader nodes, Set<String> policies, Set<String> approverGroups) {
    this.nodes = nodes;
    this.policies = policies;
    this.approverGroups = approverGroups;
  }

  CertificatesConfig read(Entry section) {
    if (section == null) {
      return CertificatesConfig.none();
    }
    Map<String, Entry> fields = nodes.mapping(section.value(), "certificates", KEYS);
    if (fields == null) {
      return CertificatesConfig.none();
    }
    AcmeSettings acme = fields.containsKey("acme") ? acme(fields.get("acme").value()) : null;
    NamedList targetNames = new NamedList(nodes, "certificates.deploy-targets", "deploy target", TARGET_KEYS);
    List<DeployTarget> targets = targetNames.read(fields.get("deploy-targets"), this::target);
    Duration sweep = duration(fields, "sweep-interval", Duration.ofMinutes(1), Duration.ofDays(7), CertificatesConfig.DEFAULT_SWEEP_INTERVAL);
    Duration margin = duration(fields, "page-before-expiry", Duration.ofHours(1), Duration.ofDays(90), null);
    Duration verify = duration(fields, "verify-timeout", Duration.ofSeconds(5), Duration.ofHours(1), null);
    List<CertRenewalInput> inventory =
        inventory(fields.get("inventory"), targetNames.names(), margin, verify);
    if (!inventory.isEmpty() && acme == null && !fields.containsKey("acme")) {
      nodes.problem(section.value(), "certificates", "an inventory needs acme: (the CA to renew from)");
    }
    return new CertificatesConfig(acme, targets, inventory, sweep);
  }

  private AcmeSettings acme(Node node) {
    Map<String, Entry> fields = nodes.mapping(node, "certificates.acme", ACME_KEYS);
    if (fields == null || !nodes.required(fields, List.of("directory", "account-key"), node, "certificates.acme")) {
      return null;
    }
    URI directory = url(fields.get("directory").value(), "certificates.acme.directory");
    Path accountKey = path(fields.get("account-key"), "certificates.acme.account-key");
    String contact = fields.containsKey("contact") ? nodes.string(fields.get("contact").value(), "certificates.acme.contact") : null;
    if (contact != null && !contact.matches("[^@\\s]+@[^@\\s]+")) {
      nodes.problem(fields.get("contact").value(), "certificates.acme.contact", "must be an email address");
    }
    Path trust = fields.containsKey("trust") ? path(fields.get("trust"), "certificates.acme.trust") : null;
    List<String> hook = fields.containsKey("dns-hook") ? command(fields.get("dns-hook").value(), "certificates.acme.dns-hook") : List.of();
    Path webroot = fields.containsKey("webroot") ? path(fields.get("webroot"), "certificates.acme.webroot") : null;
    return directory == null || accountKey == null || hook == null
        ? null
        : new AcmeSettings(directory, accountKey, contact, trust, hook, webroot, null);
  }

  private DeployTarget target(NamedList.Item item) {
    Map<String, Entry> f = item.fields();
    String label = item.label();
    if (f.containsKey("hook")) {
      for (String fileKey : List.of("key", "chain", "reload", "reload-timeout")) {
        if (f.containsKey(fileKey)) {
          nodes.problem(f.get(fileKey).key(), label, fileKey + " belongs to a files target; a hook target has only name and hook");
          return null;
        }
      }
      URI url = url(f.get("hook").value(), label + ": hook");
      return url == null ? null : new HttpDeployTarget(item.name(), url, Duration.ofSeconds(60));
    }
    if (!nodes.required(f, List.of("key", "chain"), item.node(), label + " (or give a hook: URL)")) {
      return null;
    }
    Path key = path(f.get("key"), label + ": key");
    Path chain = path(f.get("chain"), label + ": chain");
    List<String> reload = f.containsKey("reload") ? command(f.get("reload").value(), label + ": reload") : List.of();
    Duration timeout =
        f.containsKey("reload-timeout")
            // At most two minutes: the deploy activity gives up after three, and a reload still running
            // when Temporal retries the deploy would race the retry's install or rollback.
            ? nodes.duration(f.get("reload-timeout").value(), label + ": reload-timeout", Duration.ofSeconds(1), Duration.ofMinutes(2))
            : Duration.ofSeconds(30);
    return key == null || chain == null || reload == null || timeout == null
        ? null
        : new FileDeployTarget(item.name(), key, chain, reload, timeout);
  }

  private List<CertRenewalInput> inventory(Entry entry, Set<String> targets, Duration margin, Duration verify) {
    List<CertRenewalInput> inventory = new ArrayList<>();
    if (entry == null) {
      return inventory;
    }
    List<Node> items = nodes.list(entry.value(), "certificates.inventory", "endpoints, like {endpoint: web.example.org:443, deploy: web}", MAX_INVENTORY);
    if (items == null) {
      return inventory;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String label = "certificates.inventory[" + i + "]";
      Node node = items.get(i);
      Map<String, Entry> f = nodes.mapping(node, label, ENDPOINT_KEYS);
      if (f == null || !nodes.required(f, List.of("endpoint", "deploy"), node, label)) {
        continue;
      }
      String deploy = nodes.string(f.get("deploy").value(), label + ": deploy");
      if (deploy != null && !targets.contains(deploy)) {
        nodes.problem(f.get("deploy").value(), label, "deploy: no deploy target named '" + deploy + "' under certificates.deploy-targets");
        continue;
      }
      String escalation = optional(f, "escalation", label);
      if (escalation != null && !policies.contains(escalation)) {
        nodes.problem(f.get("escalation").value(), label, "escalation: no escalation policy named '" + escalation + "'");
        continue;
      }
      String approvers = optional(f, "approvers", label);
      if (approvers != null && !approverGroups.contains(approvers)) {
        nodes.problem(f.get("approvers").value(), label, "approvers: no approver group named '" + approvers + "'");
        continue;
      }
      List<String> domains = f.containsKey("domains") ? strings(f.get("domains").value(), label + ": domains") : null;
      ChallengeType challenge = challenge(f, label);
      try {
        CertRenewalInput input =
            new CertRenewalInput(
                nodes.string(f.get("endpoint").value(), label + ": endpoint"),
                optional(f, "sni", label), domains, challenge, deploy, false, approvers, escalation,
                margin == null ? null : (int) margin.toHours(), verify == null ? null : (int) verify.toSeconds());
        if (!seen.add(input.endpoint())) {
          nodes.problem(node, label, "endpoint " + input.endpoint() + " is listed twice");
          continue;
        }
        inventory.add(input);
      } catch (IllegalArgumentException e) {
        nodes.problem(node, label, e.getMessage());
      }
    }
    return inventory;
  }

  private ChallengeType challenge(Map<String, Entry> f, String label) {
    String text = optional(f, "challenge", label);
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "http-01" -> ChallengeType.HTTP_01;
      case "dns-01" -> ChallengeType.DNS_01;
      default -> {
        nodes.problem(f.get("challenge").value(), label, "challenge: '" + text + "' is not http-01 or dns-01");
        yield null;
      }
    };
  }

  private String optional(Map<String, Entry> f, String key, String label) {
    return f.containsKey(key) ? nodes.string(f.get(key).value(), label + ": " + key) : null;
  }

  private Duration duration(Map<String, Entry> f, String key, Duration min, Duration max, Duration fallback) {
    if (!f.containsKey(key)) {
      return fallback;
    }
    Duration parsed = nodes.duration(f.get(key).value(), "certificates." + key, min, max);
    return parsed == null ? fallback : parsed;
  }

  private URI url(Node node, String where) {
    String text = nodes.string(node, where);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.strip());
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // Reported below.
    }
    nodes.problem(node, where, "'" + text + "' is not an http:// or https:// URL");
    return null;
  }

  private Path path(Entry entry, String where) {
    String text = nodes.string(entry.value(), where);
    if (text == null) {
      return null;
    }
    if (!text.startsWith("/")) {
      nodes.problem(entry.value(), where, "'" + text + "' must be an absolute path");
      return null;
    }
    return Path.of(text);
  }

  /** A command as a list of arguments, never a shell line, so nothing in it is interpreted. */
  private List<String> command(Node node, String where) {
    List<String> arguments = strings(node, where);
    if (arguments != null && arguments.isEmpty()) {
      nodes.problem(node, where, "needs the command to run, like [nginx, -s, reload]");
      return null;
    }
    if (arguments != null && arguments.size() > MAX_COMMAND_ARGUMENTS) {
      nodes.problem(node, where, "at most " + MAX_COMMAND_ARGUMENTS + " arguments");
      return null;
    }
    return arguments;
  }

  private List<String> strings(Node node, String where) {
    List<Node> items = nodes.list(node, where, "values, like [nginx, -s, reload]", 100);
    if (items == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String value = nodes.string(items.get(i), where + "[" + i + "]");
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values;
  }
}
