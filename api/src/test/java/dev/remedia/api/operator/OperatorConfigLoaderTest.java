package dev.remedia.api.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.api.webhooks.WebhookSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class OperatorConfigLoaderTest {

  private static final String VALID =
      """
      webhooks:
        alertmanager: { token: "am-secret-1" }
        grafana:
          hmac-secret: "gf-hmac-secret-2"
          timestamp-header: X-Grafana-Alerting-Timestamp
      incidents:
        flap-window: 90s
      routes:
        - name: website-down
          match:
            source: alertmanager
            labels: { alertname: WebsiteDown }
            labels-regex: { instance: "web-[0-9]+:443" }
            labels-absent: [ maintenance ]
          dedupe: fingerprint
          runbook: http-check
          input:
            url: "https://{{labels.instance}}/health"
            expectedStatus: 200
          escalation: default
        - name: catch-all
      """;

  @TempDir Path dir;

  @Test
  void readsAValidFile() throws IOException {
    OperatorConfig config = load(VALID);

    assertEquals(Duration.ofSeconds(90), config.flapWindow());
    assertEquals(List.of("website-down", "catch-all"), config.routes().stream().map(Route::name).toList());
    Route website = config.routes().get(0);
    assertEquals(WebhookSource.ALERTMANAGER, website.match().source());
    assertEquals(Map.of("alertname", "WebsiteDown"), website.match().labels());
    assertEquals(List.of("maintenance"), website.match().labelsAbsent());
    assertEquals(Dedupe.Kind.FINGERPRINT, website.dedupe().kind());
    assertEquals("http-check", website.runbook().name());
    assertEquals(List.of("url", "expectedStatus"), List.copyOf(website.input().fieldNames()));
    assertEquals("default", website.escalationPolicy());
    Route catchAll = config.routes().get(1);
    assertEquals(RouteMatch.ANY, catchAll.match());
    assertEquals(Dedupe.DEFAULT, catchAll.dedupe());
    assertNull(catchAll.runbook());

    assertEquals("am-secret-1", config.credentials(WebhookSource.ALERTMANAGER).orElseThrow().token());
    WebhookCredentials grafana = config.credentials(WebhookSource.GRAFANA).orElseThrow();
    assertEquals("gf-hmac-secret-2", grafana.hmacSecret());
    assertEquals(WebhookCredentials.GRAFANA_SIGNATURE_HEADER, grafana.signatureHeader());
    assertEquals("X-Grafana-Alerting-Timestamp", grafana.timestampHeader());
    assertNull(grafana.token());
    assertEquals(Optional.empty(), config.credentials(WebhookSource.DATADOG));
  }

  @Test
  void withoutAFileThereAreNoRoutesAndTheDefaults() {
    OperatorConfig config = OperatorConfigLoader.load(null, Map.of());

    assertEquals(List.of(), config.routes());
    assertEquals(OperatorConfig.DEFAULT_FLAP_WINDOW, config.flapWindow());
    assertEquals(Optional.empty(), config.credentials(WebhookSource.ALERTMANAGER));
    assertEquals(Optional.empty(), config.file());
  }

  @Test
  void anEmptyFileIsTheDefaults() throws IOException {
    OperatorConfig config = load("# nothing yet\n");

    assertEquals(List.of(), config.routes());
    assertEquals(Duration.ofMinutes(5), config.flapWindow());
  }

  @Test
  void theExampleValidates() {
    Path example = Path.of("..", "examples", "remedia.yml");
    assertTrue(Files.exists(example), "examples/remedia.yml is missing");

    OperatorConfig config = OperatorConfigLoader.load(example, Map.of());

    assertEquals(
        List.of("website-down", "events-catch-all"), config.routes().stream().map(Route::name).toList());
    assertEquals("http-check", config.routes().get(0).runbook().name());
    assertEquals(WebhookSource.EVENTS, config.routes().get(1).match().source());
    assertNull(config.routes().get(1).runbook());
  }

  static Stream<Arguments> oneProblem() {
    return Stream.of(
        Arguments.of(
            "unknown runbook",
            """
            routes:
              - name: ok
              - name: disk-full
                runbook: restart-disk
            """,
            "line 4: routes[1] 'disk-full': runbook: no runbook named 'restart-disk'; known: http-check"),
        Arguments.of(
            "unknown top-level key",
            "route:\n  - name: x\n",
            "line 1: unknown key 'route'; allowed: webhooks, incidents, routes"),
        Arguments.of(
            "unknown route key",
            "routes:\n  - name: x\n    runbok: http-check\n",
            "line 3: routes[0] 'x': unknown key 'runbok'; allowed: name, match, dedupe, runbook, input, escalation"),
        Arguments.of(
            "unknown match key",
            "routes:\n  - name: x\n    match:\n      label: { a: b }\n",
            "line 4: routes[0] 'x': match: unknown key 'label'; allowed: source, labels, labels-regex, labels-absent"),
        Arguments.of(
            "unknown webhook source",
            "webhooks:\n  prometheus: { token: t }\n",
            "line 2: webhooks: unknown key 'prometheus'; allowed: alertmanager, grafana, datadog, events"),
        Arguments.of(
            "hmac for a source without signatures",
            "webhooks:\n  alertmanager: { hmac-secret: s }\n",
            "line 2: webhooks.alertmanager: unknown key 'hmac-secret'; allowed: token"),
        Arguments.of(
            "unknown incidents key",
            "incidents:\n  flap: 5m\n",
            "line 2: incidents: unknown key 'flap'; allowed: flap-window"),
        Arguments.of(
            "missing name",
            "routes:\n  - runbook: http-check\n    input: { url: \"http://x\" }\n",
            "line 2: routes[0]: name is required"),
        Arguments.of(
            "invalid name",
            "routes:\n  - name: Disk Full\n",
            "line 2: routes[0]: name: 'Disk Full' is not a valid route name; use " + NodeReader.NAME_RULE),
        Arguments.of(
            "duplicate name",
            "routes:\n  - name: a\n  - name: b\n  - name: a\n",
            "line 4: routes[2] 'a': name: routes[0] already has this name; route names must be unique"),
        Arguments.of(
            "unknown source",
            "routes:\n  - name: x\n    match: { source: nagios }\n",
            "line 3: routes[0] 'x': match.source: 'nagios' is not a source; the sources are alertmanager, grafana, datadog, events"),
        Arguments.of(
            "regex that does not compile",
            "routes:\n  - name: x\n    match:\n      labels-regex: { instance: \"web-(\" }\n",
            "line 4: routes[0] 'x': match.labels-regex.instance: 'web-(' is not a valid regular expression: Unclosed group near index 5"),
        Arguments.of(
            "labels-absent not a list",
            "routes:\n  - name: x\n    match: { labels-absent: maintenance }\n",
            "line 3: routes[0] 'x': match.labels-absent: must be a list of label names, like [maintenance], not a single value"),
        Arguments.of(
            "label both required and absent",
            "routes:\n  - name: x\n    match:\n      labels: { env: prod }\n      labels-absent: [env]\n",
            "line 5: routes[0] 'x': match: label 'env' is both required and absent, so the route can never match"),
        Arguments.of(
            "label without value",
            "routes:\n  - name: x\n    match:\n      labels:\n        env:\n",
            "line 5: routes[0] 'x': match.labels.env: needs a value"),
        Arguments.of(
            "group without a source",
            "routes:\n  - name: x\n    dedupe: group\n",
            "line 3: routes[0] 'x': dedupe: group needs match.source alertmanager or grafana, the sources that send a group key"),
        Arguments.of(
            "group for datadog",
            "routes:\n  - name: x\n    match: { source: datadog }\n    dedupe: group\n",
            "line 4: routes[0] 'x': dedupe: group is only available for alertmanager and grafana; datadog sends no group key"),
        Arguments.of(
            "template with an unknown variable",
            "routes:\n  - name: x\n    dedupe: \"{{label.host}}\"\n",
            "line 3: routes[0] 'x': dedupe: at position 0: unknown variable 'label.host'; the variables are " + Template.VARIABLES),
        Arguments.of(
            "template that is not closed",
            "routes:\n  - name: x\n    runbook: http-check\n    input:\n      url: \"https://{{labels.instance\"\n",
            "line 5: routes[0] 'x': input.url: at position 8: '{{' is not closed by '}}'"),
        Arguments.of(
            "unquoted template",
            "routes:\n  - name: x\n    runbook: http-check\n    input:\n      url: {{labels.instance}}\n",
            "line 5: routes[0] 'x': input.url: a value that starts with '{{' must be quoted, like \"{{labels.instance}}\"; YAML reads it as a mapping"),
        Arguments.of(
            "input without runbook",
            "routes:\n  - name: x\n    input: { url: \"http://x\" }\n",
            "line 3: routes[0] 'x': input: is only allowed with runbook; it is the input of the runbook to start"),
        Arguments.of(
            "unknown input field",
            "routes:\n  - name: x\n    runbook: http-check\n    input:\n      url: \"http://x\"\n      ur: \"http://y\"\n",
            "line 6: routes[0] 'x': input: unknown field 'ur' for runbook 'http-check'; its fields are url, expectedStatus, timeoutSeconds, maxAttempts"),
        Arguments.of(
            "required input missing",
            "routes:\n  - name: x\n    runbook: http-check\n",
            "line 3: routes[0] 'x': input: runbook 'http-check' needs url"),
        Arguments.of(
            "invalid escalation name",
            "routes:\n  - name: x\n    escalation: On Call\n",
            "line 3: routes[0] 'x': escalation: 'On Call' is not a valid policy name; use " + NodeReader.NAME_RULE),
        Arguments.of(
            "flap window that is not a duration",
            "incidents:\n  flap-window: 5 minutes\n",
            "line 2: incidents.flap-window: '5 minutes' is not a duration; write it like 30s, 5m or 1h"),
        Arguments.of(
            "flap window over a day",
            "incidents:\n  flap-window: 25h\n",
            "line 2: incidents.flap-window: '25h' is too long; it must be from 0s to 24h"),
        Arguments.of(
            "grafana headers without a secret",
            "webhooks:\n  grafana:\n    signature-header: X-Sig\n",
            "line 3: webhooks.grafana.signature-header: is set but no hmac-secret is (neither in the file nor in REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET)"),
        Arguments.of(
            "duplicate key",
            "routes:\n  - name: x\n    runbook: http-check\n    runbook: http-check\n    input: { url: \"http://x\" }\n",
            "line 4: routes[0] 'x': key 'runbook' appears twice (first on line 3)"),
        Arguments.of(
            "routes not a list",
            "routes:\n  name: x\n",
            "line 2: routes: must be a list of routes (each item starting with '- name:'), not a mapping"),
        Arguments.of(
            "YAML syntax error",
            "routes:\n  - name: x\n   match: {}\n",
            "line 3: not valid YAML: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneProblem")
  void namesFileLineRouteAndField(String what, String yaml, String expected) throws IOException {
    Path file = write(yaml);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(1, error.problems().size(), error.getMessage());
    assertTrue(error.getMessage().startsWith(file + " " + expected), error.getMessage());
  }

  @Test
  void reportsEveryProblemTogetherInLineOrder() throws IOException {
    Path file =
        write(
            """
            routes:
              - name: a
                runbook: restart-disk
              - name: a
                match: { source: nagios }
            incidents:
              flap-window: forever
            typo: 1
            """);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(
        List.of(
            file + " line 3: routes[0] 'a': runbook: no runbook named 'restart-disk'; known: http-check",
            file + " line 4: routes[1] 'a': name: routes[0] already has this name; route names must be unique",
            file + " line 5: routes[1] 'a': match.source: 'nagios' is not a source; the sources are alertmanager, grafana, datadog, events",
            file + " line 7: incidents.flap-window: 'forever' is not a duration; write it like 30s, 5m or 1h",
            file + " line 8: unknown key 'typo'; allowed: webhooks, incidents, routes"),
        error.problems());
    assertEquals(
        "the operator configuration " + file + " has 5 problems:\n" + String.join("\n", error.problems()),
        error.getMessage());
  }

  @Test
  void theEnvironmentOverridesSecrets() throws IOException {
    Path file = write(VALID);

    OperatorConfig config =
        OperatorConfigLoader.load(
            file,
            Map.of(
                "REMEDIA_WEBHOOKS_ALERTMANAGER_TOKEN", "from-env-1",
                "REMEDIA_WEBHOOKS_DATADOG_TOKEN", "from-env-2",
                "REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET", "from-env-3",
                "REMEDIA_WEBHOOKS_EVENTS_TOKEN", "  "));

    assertEquals("from-env-1", config.credentials(WebhookSource.ALERTMANAGER).orElseThrow().token());
    assertEquals("from-env-2", config.credentials(WebhookSource.DATADOG).orElseThrow().token());
    assertEquals("from-env-3", config.credentials(WebhookSource.GRAFANA).orElseThrow().hmacSecret());
    assertEquals(Optional.empty(), config.credentials(WebhookSource.EVENTS), "a blank variable counts as unset");
  }

  @Test
  void theEnvironmentGivesSecretsWithoutAFile() {
    OperatorConfig config =
        OperatorConfigLoader.load(null, Map.of("REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET", "hmac-from-env"));

    WebhookCredentials grafana = config.credentials(WebhookSource.GRAFANA).orElseThrow();
    assertEquals("hmac-from-env", grafana.hmacSecret());
    assertEquals("X-Grafana-Alerting-Signature", grafana.signatureHeader());
  }

  @Test
  void anHmacSecretFromTheEnvironmentSatisfiesTheGrafanaHeaders() throws IOException {
    Path file = write("webhooks:\n  grafana: { signature-header: X-Sig }\n");

    OperatorConfig config =
        OperatorConfigLoader.load(file, Map.of("REMEDIA_WEBHOOKS_GRAFANA_HMAC_SECRET", "hmac-from-env"));

    assertEquals("X-Sig", config.credentials(WebhookSource.GRAFANA).orElseThrow().signatureHeader());
  }

  @Test
  void secretsNeverAppearInToString() throws IOException {
    OperatorConfig config =
        OperatorConfigLoader.load(write(VALID), Map.of("REMEDIA_WEBHOOKS_DATADOG_TOKEN", "dd-secret-3"));

    String shown = config + " " + config.credentials(WebhookSource.GRAFANA).orElseThrow();
    for (String secret : List.of("am-secret-1", "gf-hmac-secret-2", "dd-secret-3")) {
      assertFalse(shown.contains(secret), shown);
    }
    assertTrue(shown.contains("token=***"), shown);
  }

  @Test
  void secretsNeverAppearInErrors() throws IOException {
    Path file =
        write(
            """
            webhooks:
              alertmanager: { token: "" }
              datadog: { token: [ "dd-secret-in-a-list" ] }
              events: { token: "ev-secret-4", tokn: "ev-secret-5" }
              grafana: { hmac-secret: "gf-secret-6" unterminated
            """);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertTrue(error.getMessage().startsWith(file + " line 5: not valid YAML"), error.getMessage());
    for (String secret : List.of("dd-secret", "ev-secret", "gf-secret", "unterminated")) {
      assertFalse(error.getMessage().contains(secret), error.getMessage());
    }

    Path parsable = write(
        """
        webhooks:
          alertmanager: { token: "" }
          datadog: { token: [ "dd-secret-in-a-list" ] }
          events: { token: "ev-secret-4", tokn: "ev-secret-5" }
        """);
    OperatorConfigException problems =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(parsable, Map.of()));

    assertEquals(
        List.of(
            parsable + " line 2: webhooks.alertmanager.token: must not be blank; remove the key to go without it",
            parsable + " line 3: webhooks.datadog.token: must be a string, not a list",
            parsable + " line 4: webhooks.events: unknown key 'tokn'; allowed: token"),
        problems.problems());
    for (String secret : List.of("dd-secret", "ev-secret")) {
      assertFalse(problems.getMessage().contains(secret), problems.getMessage());
    }
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere.yml");

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(missing, Map.of()));

    assertEquals(
        missing + ": the operator configuration file does not exist (remedia.config-file, REMEDIA_CONFIG)",
        error.getMessage());
  }

  @Test
  void aDirectoryIsRefused() {
    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(dir, Map.of()));

    assertEquals(dir + ": is not a regular file", error.getMessage());
  }

  @Test
  void aFileOverOneMebibyteIsRefused() throws IOException {
    StringBuilder yaml = new StringBuilder("routes:\n");
    while (yaml.length() <= OperatorConfigLoader.MAX_FILE_BYTES) {
      yaml.append("  - name: route-").append(yaml.length()).append('\n');
    }
    Path file = write(yaml.toString());

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(
        file + ": is larger than 1 MiB (1048576 bytes); an operator configuration never needs that much",
        error.getMessage());
  }

  @Test
  void anAliasBombIsRefused() throws IOException {
    Path file =
        write(
            """
            a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            routes: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            """);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(
        file + ": uses more than 20 aliases (*name) of lists or mappings; Remedia refuses such files so "
            + "that a small file cannot expand into a huge one",
        error.getMessage());
  }

  @Test
  void aRecursiveAliasIsRefused() throws IOException {
    Path file =
        write(
            """
            routes:
              - name: loop
                runbook: restart-disk
                input: &input
                  url: "http://x/"
                  nested: [ *input ]
            """);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(
        List.of(
            file + " line 3: routes[0] 'loop': runbook: no runbook named 'restart-disk'; known: http-check",
            file + " line 4: routes[0] 'loop': input.nested[0]: contains itself through an alias; the input must be a tree"),
        error.problems());
  }

  @Test
  void aFewAliasesAreFine() throws IOException {
    OperatorConfig config =
        load(
            """
            routes:
              - name: first
                match: &web { labels: { team: web } }
              - name: second
                match: *web
            """);

    assertEquals(config.routes().get(0).match(), config.routes().get(1).match());
  }

  @Test
  void aNumericInputStaysANumber() throws IOException {
    OperatorConfig config = load(VALID);

    Map<String, Object> rendered =
        config.routes().get(0).input().render(
            Alerts.alert(WebhookSource.ALERTMANAGER, Map.of("instance", "web-1:443")));

    assertEquals(Map.of("url", "https://web-1:443/health", "expectedStatus", 200), rendered);
  }

  private OperatorConfig load(String yaml) throws IOException {
    return OperatorConfigLoader.load(write(yaml), Map.of());
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "remedia", ".yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
