package dev.remedia.api.operator;

import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.api.webhooks.WebhookSource;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code webhooks:}, the secrets each monitor must present, and lets the environment override
 * them. Problems never quote a secret.
 */
final class WebhooksSection {

  static final List<String> SOURCE_IDS = Arrays.stream(WebhookSource.values()).map(WebhookSource::id).toList();

  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
  private static final List<String> TOKEN_KEYS = List.of("token");
  private static final List<String> GRAFANA_KEYS =
      List.of("token", "hmac-secret", "signature-header", "timestamp-header");

  private final NodeReader nodes;
  private final Map<String, String> environment;

  WebhooksSection(NodeReader nodes, Map<String, String> environment) {
    this.nodes = nodes;
    this.environment = environment;
  }

  /** The credentials of every source that has any, from {@code section} (or null) and the environment. */
  Map<WebhookSource, WebhookCredentials> read(Entry section) {
    Map<WebhookSource, Map<String, Entry>> fieldsBySource = fieldsBySource(section);
    Map<WebhookSource, WebhookCredentials> webhooks = new EnumMap<>(WebhookSource.class);
    for (WebhookSource source : WebhookSource.values()) {
      WebhookCredentials credentials = credentials(source, fieldsBySource.getOrDefault(source, Map.of()));
      if (!credentials.isEmpty()) {
        webhooks.put(source, credentials);
      }
    }
    return webhooks;
  }

  private Map<WebhookSource, Map<String, Entry>> fieldsBySource(Entry section) {
    Map<WebhookSource, Map<String, Entry>> bySource = new EnumMap<>(WebhookSource.class);
    if (section == null) {
      return bySource;
    }
    Map<String, Entry> sources = nodes.mapping(section.value(), "webhooks", SOURCE_IDS);
    if (sources == null) {
      return bySource;
    }
    sources.forEach(
        (id, entry) -> {
          WebhookSource source = WebhookSource.fromId(id).orElseThrow();
          List<String> allowed = source == WebhookSource.GRAFANA ? GRAFANA_KEYS : TOKEN_KEYS;
          Map<String, Entry> fields = nodes.mapping(entry.value(), "webhooks." + id, allowed);
          if (fields != null) {
            bySource.put(source, fields);
          }
        });
    return bySource;
  }

  private WebhookCredentials credentials(WebhookSource source, Map<String, Entry> fields) {
    String where = "webhooks." + source.id();
    String token =
        fromEnvironment(OperatorConfigLoader.tokenVariable(source), secret(fields.get("token"), where + ".token"));
    if (source != WebhookSource.GRAFANA) {
      return new WebhookCredentials(token, null, null, null);
    }
    String hmac =
        fromEnvironment(
            OperatorConfigLoader.GRAFANA_HMAC_VARIABLE, secret(fields.get("hmac-secret"), where + ".hmac-secret"));
    String signatureHeader = headerName(fields.get("signature-header"), where + ".signature-header");
    String timestampHeader = headerName(fields.get("timestamp-header"), where + ".timestamp-header");
    if (hmac == null) {
      for (String key : List.of("signature-header", "timestamp-header")) {
        Entry header = fields.get(key);
        if (header != null) {
          nodes.problem(
              header.key(),
              where + "." + key,
              "is set but no hmac-secret is (neither in the file nor in "
                  + OperatorConfigLoader.GRAFANA_HMAC_VARIABLE + ")");
        }
      }
      return new WebhookCredentials(token, null, null, null);
    }
    return new WebhookCredentials(
        token,
        hmac,
        signatureHeader == null ? WebhookCredentials.GRAFANA_SIGNATURE_HEADER : signatureHeader,
        timestampHeader);
  }

  // A blank variable counts as unset, so `VAR: ${VAR:-}` in a compose file cannot wipe a file's secret.
  private String fromEnvironment(String variable, String fileValue) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? fileValue : value;
  }

  private String secret(Entry entry, String where) {
    if (entry == null) {
      return null;
    }
    Node node = entry.value();
    if (!(node instanceof ScalarNode scalar)) {
      nodes.problem(node, where, "must be a string, not " + NodeReader.kind(node));
      return null;
    }
    if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
      nodes.problem(node, where, "must not be blank; remove the key to go without it");
      return null;
    }
    return scalar.getValue();
  }

  private String headerName(Entry entry, String where) {
    String name = entry == null ? null : nodes.string(entry.value(), where);
    if (name != null && !HEADER_NAME.matcher(name).matches()) {
      nodes.problem(entry.value(), where, "'" + name + "' is not a valid HTTP header name");
      return null;
    }
    return name;
  }
}
