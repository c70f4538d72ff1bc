package dev.remedia.api.operator;

import dev.remedia.activities.oncall.ApproverGroup;
import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.LayeredSchedule;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.api.webhooks.WebhookSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and validates the operator configuration file. It reads YAML as nodes rather than objects, so
 * each problem can name its line, and it collects every problem before failing, so an operator fixes a
 * file in one round. Messages name the file, the line, the route and the field, and never a secret.
 * Each top-level section has its own reader; {@link NodeReader} holds what they share.
 */
public final class OperatorConfigLoader {

  public static final int MAX_FILE_BYTES = 1024 * 1024;
  /** Aliases to lists or mappings allowed in one file: enough to share a block, too few for a bomb. */
  static final int MAX_COLLECTION_ALIASES = 20;

  /** The environment variable that overrides Grafana's HMAC secret. */
  public static final String GRAFANA_HMAC_VARIABLE = "REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET";

  private static final List<String> TOP_KEYS =
      List.of(
          "webhooks", "incidents", "people", "schedules", "escalation-policies", "approver-groups", "routes",
          "certificates");

  private final Path file;
  private final Map<String, String> environment;
  private final NodeReader nodes;

  private OperatorConfigLoader(Path file, String name, Map<String, String> environment) {
    this.file = file;
    this.environment = Map.copyOf(environment);
    this.nodes = new NodeReader(name);
  }

  /**
   * Reads {@code file}, or gives the defaults when it is null, then applies the secrets the environment
   * sets ({@code REMEDIA_WEBHOOKS_<SOURCE>_TOKEN}, {@code REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET}).
   *
   * @throws OperatorConfigException listing every problem, one per line
   */
  public static OperatorConfig load(Path file, Map<String, String> environment) {
    OperatorConfigLoader loader = new OperatorConfigLoader(file, file == null ? "(no file)" : file.toString(), environment);
    return loader.load(file == null ? null : loader.read());
  }

  /**
   * Reads a configuration that ships inside Remedia, such as dev mode's example, with the same rules
   * as a file, then applies the environment's secrets.
   *
   * @throws OperatorConfigException listing every problem, each naming {@code classpath:<resource>}
   */
  public static OperatorConfig loadBundled(String resource, Map<String, String> environment) {
    OperatorConfigLoader loader = new OperatorConfigLoader(null, "classpath:" + resource, environment);
    return loader.load(loader.readResource(resource));
  }

  /** The environment variable that overrides a source's token. */
  public static String tokenVariable(WebhookSource source) {
    return "REMEDIA_WEBHOOKS_" + source.name() + "_TOKEN";
  }

  private OperatorConfig load(String text) {
    Node root = text == null ? null : compose(text);
    OperatorConfig config = walk(root);
    if (nodes.hasProblems()) {
      throw nodes.failure();
    }
    return config;
  }

  private String read() {
    if (!Files.exists(file)) {
      throw nodes.fatal("the operator configuration file does not exist (remedia.config-file, REMEDIA_CONFIG)");
    }
    if (!Files.isRegularFile(file)) {
      throw nodes.fatal("is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw nodes.fatal("cannot be read by this process; check its permissions");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // Read at most one byte past the limit: the size on disk may change, or lie for special files.
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw nodes.fatal("cannot be read: " + e.getClass().getSimpleName());
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw nodes.fatal(
          "is larger than 1 MiB (" + MAX_FILE_BYTES + " bytes); an operator configuration never needs that much");
    }
    return decode(bytes);
  }

  private String readResource(String resource) {
    try (InputStream in = OperatorConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw nodes.fatal("is not on the classpath");
      }
      return decode(in.readNBytes(MAX_FILE_BYTES));
    } catch (IOException e) {
      throw nodes.fatal("cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw nodes.fatal("is not valid UTF-8 text");
    }
  }

  private Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setNestingDepthLimit(30);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    try {
      return yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      // Only the problem and its position: SnakeYAML's full message quotes the line, which may hold a secret.
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      nodes.problem(mark == null ? 0 : mark.getLine() + 1, "", "not valid YAML: " + context + e.getProblem());
      throw nodes.failure();
    } catch (YAMLException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("aliases")) {
        throw nodes.fatal(
            "uses more than " + MAX_COLLECTION_ALIASES + " aliases (*name) of lists or mappings; Remedia "
                + "refuses such files so that a small file cannot expand into a huge one");
      }
      throw nodes.fatal("is not valid YAML: " + message);
    }
  }

  private OperatorConfig walk(Node root) {
    Map<String, Entry> top = root == null ? null : nodes.mapping(root, "", TOP_KEYS);
    if (top == null) {
      top = Map.of();
    }
    var webhooks = new WebhooksSection(nodes, environment).read(top.get("webhooks"));
    Duration flapWindow = new IncidentsSection(nodes).flapWindow(top.get("incidents"));
    // Each section names things only the sections before it declare.
    PeopleSection peopleSection = new PeopleSection(nodes);
    List<Person> people = peopleSection.read(top.get("people"));
    SchedulesSection schedulesSection = new SchedulesSection(nodes, peopleSection.names());
    List<LayeredSchedule> schedules = schedulesSection.read(top.get("schedules"));
    EscalationPoliciesSection policiesSection =
        new EscalationPoliciesSection(nodes, peopleSection.names(), schedulesSection.names(), people, schedules);
    List<EscalationPolicy> policies = policiesSection.read(top.get("escalation-policies"));
    List<ApproverGroup> approverGroups =
        new ApproverGroupsSection(nodes, peopleSection.names(), schedulesSection.names())
            .read(top.get("approver-groups"));
    List<Route> routes = new RoutesSection(nodes, policiesSection.names()).read(top.get("routes"));
    CertificatesConfig certificates =
        new CertificatesSection(
                nodes,
                policiesSection.names().names(),
                approverGroups.stream().map(ApproverGroup::name).collect(java.util.stream.Collectors.toSet()))
            .read(top.get("certificates"));
    return new OperatorConfig(
        file, routes, webhooks, flapWindow, new OnCallDirectory(people, schedules, policies, approverGroups),
        certificates);
  }
}
