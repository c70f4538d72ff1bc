package dev.remedia.api.operator;

import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.runbooks.RunbookCatalog;
import dev.remedia.workflows.runbook.InputField;
import dev.remedia.workflows.runbook.RunbookDefinition;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and validates the operator configuration file. It reads YAML as nodes rather than objects, so
 * each problem can name its line, and it collects every problem before failing, so an operator fixes a
 * file in one round. Messages name the file, the line, the route and the field, and never a secret.
 */
public final class OperatorConfigLoader {

  public static final int MAX_FILE_BYTES = 1024 * 1024;
  /** Aliases to lists or mappings allowed in one file: enough to share a block, too few for a bomb. */
  static final int MAX_COLLECTION_ALIASES = 20;

  static final String NAME_RULE =
      "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smh])");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

  /** The environment variable that overrides Grafana's HMAC secret. */
  public static final String GRAFANA_HMAC_VARIABLE = "REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET";

  private static final String UNQUOTED_TEMPLATE =
      "a value that starts with '{{' must be quoted, like \"{{labels.instance}}\"; YAML reads it as a mapping";
  /** Marks an input value that had a problem, already recorded. */
  private static final Object INVALID = new Object();

  private static final List<String> TOP_KEYS = List.of("webhooks", "incidents", "routes");
  private static final List<String> TOKEN_KEYS = List.of("token");
  private static final List<String> GRAFANA_KEYS =
      List.of("token", "hmac-secret", "signature-header", "timestamp-header");
  private static final List<String> INCIDENT_KEYS = List.of("flap-window");
  private static final List<String> ROUTE_KEYS =
      List.of("name", "match", "dedupe", "runbook", "input", "escalation");
  private static final List<String> MATCH_KEYS =
      List.of("source", "labels", "labels-regex", "labels-absent");
  private static final List<String> SOURCE_IDS =
      Arrays.stream(WebhookSource.values()).map(WebhookSource::id).toList();
  private static final Set<Tag> PASS_THROUGH_TAGS = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private final Path file;
  private final String fileName;
  private final Map<String, String> environment;
  private final List<Problem> problems = new ArrayList<>();
  private final ScalarValues scalars = new ScalarValues();
  /** The input nodes being read, outermost first: an alias may make a node its own descendant. */
  private final Set<Node> inputPath = Collections.newSetFromMap(new IdentityHashMap<>());

  private OperatorConfigLoader(Path file, Map<String, String> environment) {
    this.file = file;
    this.fileName = file == null ? "(no file)" : file.toString();
    this.environment = Map.copyOf(environment);
  }

  /**
   * Reads {@code file}, or gives the defaults when it is null, then applies the secrets the environment
   * sets ({@code REMEDIA_WEBHOOKS_<SOURCE>_TOKEN}, {@code REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET}).
   *
   * @throws OperatorConfigException listing every problem, one per line
   */
  public static OperatorConfig load(Path file, Map<String, String> environment) {
    return new OperatorConfigLoader(file, environment).load();
  }

  /** The environment variable that overrides a source's token. */
  public static String tokenVariable(WebhookSource source) {
    return "REMEDIA_WEBHOOKS_" + source.name() + "_TOKEN";
  }

  private OperatorConfig load() {
    Node root = file == null ? null : compose(read());
    OperatorConfig config = walk(root);
    if (!problems.isEmpty()) {
      throw failure();
    }
    return config;
  }

  private String read() {
    if (!Files.exists(file)) {
      throw fatal("the operator configuration file does not exist (remedia.config-file, REMEDIA_CONFIG)");
    }
    if (!Files.isRegularFile(file)) {
      throw fatal("is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw fatal("cannot be read by this process; check its permissions");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // Read at most one byte past the limit: the size on disk may change, or lie for special files.
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw fatal("cannot be read: " + e.getClass().getSimpleName());
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw fatal("is larger than 1 MiB (" + MAX_FILE_BYTES + " bytes); an operator configuration never needs that much");
    }
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
      throw fatal("is not valid UTF-8 text");
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
      problems.add(new Problem(mark == null ? 0 : mark.getLine() + 1, "", "not valid YAML: " + context + e.getProblem()));
      throw failure();
    } catch (YAMLException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("aliases")) {
        throw fatal(
            "uses more than " + MAX_COLLECTION_ALIASES + " aliases (*name) of lists or mappings; Remedia "
                + "refuses such files so that a small file cannot expand into a huge one");
      }
      throw fatal("is not valid YAML: " + message);
    }
  }

  private OperatorConfig walk(Node root) {
    Map<WebhookSource, WebhookCredentials> webhooks = new EnumMap<>(WebhookSource.class);
    Duration flapWindow = OperatorConfig.DEFAULT_FLAP_WINDOW;
    List<Route> routes = new ArrayList<>();
    Map<String, Entry> top = root == null ? Map.of() : mapping(root, "", TOP_KEYS);
    if (top == null) {
      top = Map.of();
    }
    Map<WebhookSource, Map<String, Entry>> webhookFields = webhookSection(top.get("webhooks"));
    for (WebhookSource source : WebhookSource.values()) {
      WebhookCredentials credentials =
          credentials(source, webhookFields.getOrDefault(source, Map.of()));
      if (!credentials.isEmpty()) {
        webhooks.put(source, credentials);
      }
    }
    Entry incidents = top.get("incidents");
    if (incidents != null) {
      Map<String, Entry> fields = mapping(incidents.value(), "incidents", INCIDENT_KEYS);
      if (fields != null && fields.containsKey("flap-window")) {
        Duration parsed = flapWindow(fields.get("flap-window").value());
        if (parsed != null) {
          flapWindow = parsed;
        }
      }
    }
    Entry routeList = top.get("routes");
    if (routeList != null) {
      routes = routes(routeList.value());
    }
    return new OperatorConfig(file, routes, webhooks, flapWindow);
  }

  private Map<WebhookSource, Map<String, Entry>> webhookSection(Entry section) {
    Map<WebhookSource, Map<String, Entry>> bySource = new EnumMap<>(WebhookSource.class);
    if (section == null) {
      return bySource;
    }
    Map<String, Entry> sources = mapping(section.value(), "webhooks", SOURCE_IDS);
    if (sources == null) {
      return bySource;
    }
    sources.forEach(
        (id, entry) -> {
          WebhookSource source = WebhookSource.fromId(id).orElseThrow();
          List<String> allowed = source == WebhookSource.GRAFANA ? GRAFANA_KEYS : TOKEN_KEYS;
          Map<String, Entry> fields = mapping(entry.value(), "webhooks." + id, allowed);
          if (fields != null) {
            bySource.put(source, fields);
          }
        });
    return bySource;
  }

  private WebhookCredentials credentials(WebhookSource source, Map<String, Entry> fields) {
    String where = "webhooks." + source.id();
    String token = fromEnvironment(tokenVariable(source), secret(fields.get("token"), where + ".token"));
    if (source != WebhookSource.GRAFANA) {
      return new WebhookCredentials(token, null, null, null);
    }
    String hmac =
        fromEnvironment(GRAFANA_HMAC_VARIABLE, secret(fields.get("hmac-secret"), where + ".hmac-secret"));
    String signatureHeader = headerName(fields.get("signature-header"), where + ".signature-header");
    String timestampHeader = headerName(fields.get("timestamp-header"), where + ".timestamp-header");
    if (hmac == null) {
      for (String key : List.of("signature-header", "timestamp-header")) {
        Entry header = fields.get(key);
        if (header != null) {
          problem(
              header.key(),
              where + "." + key,
              "is set but no hmac-secret is (neither in the file nor in " + GRAFANA_HMAC_VARIABLE + ")");
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
      problem(node, where, "must be a string, not " + kind(node));
      return null;
    }
    if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
      problem(node, where, "must not be blank; remove the key to go without it");
      return null;
    }
    return scalar.getValue();
  }

  private String headerName(Entry entry, String where) {
    String name = entry == null ? null : string(entry.value(), where);
    if (name != null && !HEADER_NAME.matcher(name).matches()) {
      problem(entry.value(), where, "'" + name + "' is not a valid HTTP header name");
      return null;
    }
    return name;
  }

  private Duration flapWindow(Node node) {
    String text = string(node, "incidents.flap-window");
    if (text == null) {
      return null;
    }
    Matcher matcher = DURATION.matcher(text.strip());
    if (!matcher.matches()) {
      problem(node, "incidents.flap-window", "'" + text + "' is not a duration; write it like 30s, 5m or 1h");
      return null;
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration =
        switch (matcher.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    if (duration.compareTo(OperatorConfig.MAX_FLAP_WINDOW) > 0) {
      problem(node, "incidents.flap-window", "'" + text + "' is too long; it must be from 0s to 24h");
      return null;
    }
    return duration;
  }

  private List<Route> routes(Node node) {
    List<Route> routes = new ArrayList<>();
    if (isNull(node)) {
      return routes;
    }
    if (!(node instanceof SequenceNode list)) {
      problem(node, "routes", "must be a list of routes (each item starting with '- name:'), not " + kind(node));
      return routes;
    }
    Map<String, Integer> names = new HashMap<>();
    List<Node> items = list.getValue();
    for (int i = 0; i < items.size(); i++) {
      Route route = route(i, items.get(i), names);
      if (route != null) {
        routes.add(route);
      }
    }
    return routes;
  }

  private Route route(int index, Node node, Map<String, Integer> names) {
    String label = "routes[" + index + "]";
    if (!(node instanceof MappingNode)) {
      problem(node, label, "must be a mapping with name, match, dedupe, runbook, input and escalation, not " + kind(node));
      return null;
    }
    String name = peekName((MappingNode) node);
    boolean nameValid = name != null && NAME.matcher(name).matches();
    if (nameValid) {
      label += " '" + name + "'";
    }
    Map<String, Entry> fields = mapping(node, label, ROUTE_KEYS);
    if (fields == null) {
      return null;
    }
    Entry nameEntry = fields.get("name");
    if (nameEntry == null) {
      problem(node, label, "name is required");
    } else if (string(nameEntry.value(), label + ": name") != null && !nameValid) {
      problem(nameEntry.value(), label, "name: '" + name + "' is not a valid route name; use " + NAME_RULE);
    } else if (nameValid && names.containsKey(name)) {
      problem(nameEntry.value(), label,
          "name: routes[" + names.get(name) + "] already has this name; route names must be unique");
    } else if (nameValid) {
      names.put(name, index);
    }

    RouteMatch match = fields.containsKey("match") ? match(fields.get("match").value(), label) : RouteMatch.ANY;
    Dedupe dedupe =
        fields.containsKey("dedupe")
            ? dedupe(fields.get("dedupe").value(), label, match == null ? null : match.source())
            : Dedupe.DEFAULT;
    RunbookDefinition runbook = null;
    boolean runbookGiven = fields.containsKey("runbook");
    if (runbookGiven) {
      runbook = runbook(fields.get("runbook").value(), label);
    }
    InputTemplate input = InputTemplate.EMPTY;
    Entry inputEntry = fields.get("input");
    if (inputEntry != null) {
      if (!runbookGiven) {
        problem(inputEntry.key(), label, "input: is only allowed with runbook; it is the input of the runbook to start");
      }
      input = input(inputEntry.value(), label, runbook);
    }
    if (runbook != null && input != null) {
      requireInputs(runbook, input, inputEntry != null ? inputEntry.key() : fields.get("runbook").key(), label);
    }
    String escalation = null;
    Entry escalationEntry = fields.get("escalation");
    if (escalationEntry != null) {
      escalation = string(escalationEntry.value(), label + ": escalation");
      if (escalation != null && !NAME.matcher(escalation).matches()) {
        problem(escalationEntry.value(), label, "escalation: '" + escalation + "' is not a valid policy name; use " + NAME_RULE);
        escalation = null;
      }
    }
    if (!nameValid || match == null || dedupe == null || input == null || (runbookGiven && runbook == null)) {
      return null;
    }
    return new Route(index, name, match, dedupe, runbook, input, escalation);
  }

  private static String peekName(MappingNode node) {
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key
          && key.getValue().equals("name")
          && tuple.getValueNode() instanceof ScalarNode value
          && !value.getTag().equals(Tag.NULL)) {
        return value.getValue();
      }
    }
    return null;
  }

  private RouteMatch match(Node node, String label) {
    String where = label + ": match";
    Map<String, Entry> fields = mapping(node, where, MATCH_KEYS);
    if (fields == null) {
      return null;
    }
    boolean valid = true;
    WebhookSource source = null;
    Entry sourceEntry = fields.get("source");
    if (sourceEntry != null) {
      String id = string(sourceEntry.value(), where + ".source");
      if (id != null) {
        source = WebhookSource.fromId(id).orElse(null);
        if (source == null) {
          problem(sourceEntry.value(), where + ".source",
              "'" + id + "' is not a source; the sources are " + String.join(", ", SOURCE_IDS));
        }
      }
      valid = source != null;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Entry labelsEntry = fields.get("labels");
    if (labelsEntry != null) {
      Map<String, Entry> entries = entries(labelsEntry.value(), where + ".labels");
      valid &= entries != null;
      if (entries != null) {
        entries.forEach(
            (name, entry) -> {
              String value = string(entry.value(), where + ".labels." + name);
              if (value != null) {
                labels.put(name, value);
              }
            });
        valid &= labels.size() == entries.size();
      }
    }
    Map<String, Pattern> regexes = new LinkedHashMap<>();
    Entry regexEntry = fields.get("labels-regex");
    if (regexEntry != null) {
      Map<String, Entry> entries = entries(regexEntry.value(), where + ".labels-regex");
      valid &= entries != null;
      if (entries != null) {
        entries.forEach(
            (name, entry) -> {
              Pattern pattern = regex(entry.value(), where + ".labels-regex." + name);
              if (pattern != null) {
                regexes.put(name, pattern);
              }
            });
        valid &= regexes.size() == entries.size();
      }
    }
    List<String> absent = new ArrayList<>();
    Entry absentEntry = fields.get("labels-absent");
    if (absentEntry != null) {
      List<String> names = labelNames(absentEntry.value(), where + ".labels-absent");
      valid &= names != null;
      if (names != null) {
        absent.addAll(names);
        for (String name : names) {
          if (labels.containsKey(name) || regexes.containsKey(name)) {
            problem(absentEntry.value(), where,
                "label '" + name + "' is both required and absent, so the route can never match");
            valid = false;
          }
        }
      }
    }
    return valid ? new RouteMatch(source, labels, regexes, absent) : null;
  }

  private Pattern regex(Node node, String where) {
    String text = string(node, where);
    if (text == null) {
      return null;
    }
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      problem(node, where, "'" + text + "' is not a valid regular expression: " + e.getDescription()
          + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
      return null;
    }
  }

  private List<String> labelNames(Node node, String where) {
    if (!(node instanceof SequenceNode list)) {
      problem(node, where, "must be a list of label names, like [maintenance], not " + kind(node));
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Node item : list.getValue()) {
      String name = string(item, where);
      if (name == null) {
        return null;
      }
      if (name.isBlank()) {
        problem(item, where, "label names must not be blank");
        return null;
      }
      names.add(name);
    }
    return names;
  }

  private Dedupe dedupe(Node node, String label, WebhookSource source) {
    String where = label + ": dedupe";
    String text = string(node, where);
    if (text == null) {
      return null;
    }
    switch (text) {
      case "default":
        return Dedupe.DEFAULT;
      case "fingerprint":
        return new Dedupe(Dedupe.Kind.FINGERPRINT, null);
      case "group":
        if (source == WebhookSource.ALERTMANAGER || source == WebhookSource.GRAFANA) {
          return new Dedupe(Dedupe.Kind.GROUP, null);
        }
        problem(node, where, source == null
            ? "group needs match.source alertmanager or grafana, the sources that send a group key"
            : "group is only available for alertmanager and grafana; " + source.id() + " sends no group key");
        return null;
      default:
        break;
    }
    if (text.isBlank()) {
      problem(node, where, "must not be blank; leave it out to use the source's default key");
      return null;
    }
    try {
      return new Dedupe(Dedupe.Kind.TEMPLATE, Template.parse(text));
    } catch (TemplateException e) {
      problem(node, where, e.getMessage());
      return null;
    }
  }

  private RunbookDefinition runbook(Node node, String label) {
    String name = string(node, label + ": runbook");
    if (name == null) {
      return null;
    }
    return RunbookCatalog.find(name)
        .orElseGet(
            () -> {
              problem(node, label, "runbook: no runbook named '" + name + "'; known: "
                  + RunbookCatalog.all().stream().map(RunbookDefinition::name).collect(Collectors.joining(", ")));
              return null;
            });
  }

  private InputTemplate input(Node node, String label, RunbookDefinition runbook) {
    String where = label + ": input";
    Map<String, Entry> entries = entries(node, where);
    if (entries == null) {
      return null;
    }
    List<String> known =
        runbook == null
            ? null
            : Arrays.stream(runbook.inputType().getRecordComponents()).map(c -> c.getName()).toList();
    Map<String, Object> fields = new LinkedHashMap<>();
    boolean valid = true;
    inputPath.add(node);
    for (Map.Entry<String, Entry> field : entries.entrySet()) {
      if (known != null && !known.contains(field.getKey())) {
        problem(field.getValue().key(), where, "unknown field '" + field.getKey() + "' for runbook '"
            + runbook.name() + "'; its fields are " + String.join(", ", known));
        valid = false;
        continue;
      }
      Object value = inputValue(field.getValue().value(), where + "." + field.getKey());
      valid &= value != INVALID;
      fields.put(field.getKey(), value);
    }
    inputPath.remove(node);
    return valid ? new InputTemplate(fields) : null;
  }

  private Object inputValue(Node node, String where) {
    if (!inputPath.add(node)) {
      problem(node, where, "contains itself through an alias; the input must be a tree");
      return INVALID;
    }
    try {
      return inputValueOnce(node, where);
    } finally {
      inputPath.remove(node);
    }
  }

  private Object inputValueOnce(Node node, String where) {
    if (looksLikeUnquotedTemplate(node)) {
      problem(node, where, UNQUOTED_TEMPLATE);
      return INVALID;
    }
    if (node instanceof ScalarNode scalar) {
      Tag tag = scalar.getTag();
      if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
        try {
          return Template.parse(scalar.getValue());
        } catch (TemplateException e) {
          problem(node, where, e.getMessage());
          return INVALID;
        }
      }
      if (PASS_THROUGH_TAGS.contains(tag)) {
        return scalars.value(scalar);
      }
      problem(node, where, "the tag " + tag + " is not supported; quote the value to pass it as a string");
      return INVALID;
    }
    if (node instanceof SequenceNode list) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < list.getValue().size(); i++) {
        Object value = inputValue(list.getValue().get(i), where + "[" + i + "]");
        if (value == INVALID) {
          return INVALID;
        }
        values.add(value);
      }
      return values;
    }
    Map<String, Entry> entries = entries(node, where);
    if (entries == null) {
      return INVALID;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Entry> entry : entries.entrySet()) {
      Object value = inputValue(entry.getValue().value(), where + "." + entry.getKey());
      if (value == INVALID) {
        return INVALID;
      }
      values.put(entry.getKey(), value);
    }
    return values;
  }

  private void requireInputs(RunbookDefinition runbook, InputTemplate input, Node at, String label) {
    for (var component : runbook.inputType().getRecordComponents()) {
      InputField field = component.getAnnotation(InputField.class);
      if (field != null && field.required() && !input.fieldNames().contains(component.getName())) {
        problem(at, label, "input: runbook '" + runbook.name() + "' needs " + component.getName());
      }
    }
  }

  /**
   * The entries of a mapping whose keys must all be in {@code allowed}; a null (empty) value is an empty
   * mapping. Returns null after recording a problem when the node is not a mapping.
   */
  private Map<String, Entry> mapping(Node node, String where, List<String> allowed) {
    Map<String, Entry> entries = entries(node, where);
    if (entries == null) {
      return null;
    }
    Map<String, Entry> known = new LinkedHashMap<>();
    entries.forEach(
        (key, entry) -> {
          if (allowed.contains(key)) {
            known.put(key, entry);
          } else {
            problem(entry.key(), where, "unknown key '" + key + "'; allowed: " + String.join(", ", allowed));
          }
        });
    return known;
  }

  /** The entries of a mapping with any keys; refuses duplicate and non-string keys. */
  private Map<String, Entry> entries(Node node, String where) {
    if (isNull(node)) {
      return new LinkedHashMap<>();
    }
    if (looksLikeUnquotedTemplate(node)) {
      problem(node, where, UNQUOTED_TEMPLATE);
      return null;
    }
    if (!(node instanceof MappingNode mapping)) {
      problem(node, where, "must be a mapping of keys to values, not " + kind(node));
      return null;
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    boolean valid = true;
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
        problem(tuple.getKeyNode(), where, "keys must be names, not " + kind(tuple.getKeyNode()));
        valid = false;
        continue;
      }
      Entry earlier = entries.putIfAbsent(key.getValue(), new Entry(key, tuple.getValueNode()));
      if (earlier != null) {
        problem(key, where, "key '" + key.getValue() + "' appears twice (first on line " + line(earlier.key()) + ")");
        valid = false;
      }
    }
    return valid ? entries : null;
  }

  private String string(Node node, String where) {
    if (looksLikeUnquotedTemplate(node)) {
      problem(node, where, UNQUOTED_TEMPLATE);
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, where, "must be a single value, not " + kind(node));
      return null;
    }
    if (scalar.getTag().equals(Tag.NULL)) {
      problem(node, where, "needs a value");
      return null;
    }
    return scalar.getValue();
  }

  /** YAML reads an unquoted {@code {{labels.x}}} as a mapping whose only key is another mapping. */
  private static boolean looksLikeUnquotedTemplate(Node node) {
    return node instanceof MappingNode mapping
        && mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW
        && mapping.getValue().size() == 1
        && mapping.getValue().get(0).getKeyNode() instanceof MappingNode;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  private static String kind(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    return "a single value";
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private void problem(Node node, String where, String message) {
    problems.add(new Problem(line(node), where, message));
  }

  private OperatorConfigException fatal(String message) {
    problems.add(new Problem(0, "", message));
    return failure();
  }

  private OperatorConfigException failure() {
    List<String> lines =
        problems.stream()
            .sorted(Comparator.comparingInt(Problem::line))
            .map(problem -> problem.format(fileName))
            .distinct()
            .toList();
    return new OperatorConfigException(fileName, lines);
  }

  private record Entry(Node key, Node value) {}

  private record Problem(int line, String where, String message) {

    String format(String fileName) {
      return fileName + (line > 0 ? " line " + line : "") + ": " + (where.isEmpty() ? "" : where + ": ") + message;
    }
  }

  /** Reads plain YAML scalars (numbers, booleans, null) exactly as YAML defines them. */
  private static final class ScalarValues extends SafeConstructor {

    ScalarValues() {
      super(new LoaderOptions());
    }

    Object value(ScalarNode node) {
      return constructObject(node);
    }
  }
}
