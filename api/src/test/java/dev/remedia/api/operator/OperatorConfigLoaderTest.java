package dev.remedia.api.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.activities.oncall.EscalationPolicy;
import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.oncall.QuietHours;
import dev.remedia.activities.oncall.Schedule;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.workflows.incident.Severity;
import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.FinalAction;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageTarget;
import dev.remedia.workflows.paging.TargetKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
      people:
        - name: alice
          slack: U0123ALICE
          phone: "+15555550100"
          channels: [slack, sms]
          quiet-hours: { from: "22:00", to: 07:00, zone: Europe/Berlin }
        - name: bob
          phone: "+15555550101"
      schedules:
        - name: primary
          layers:
            - rotation: weekly
              hand-off: { at: 09:00, day: monday, zone: Europe/Berlin }
              start: 2026-01-05
              members: [alice, bob]
          overrides:
            - { from: 2026-02-01T00:00:00Z, to: "2026-02-02T00:00:00+01:00", person: alice }
      escalation-policies:
        - name: default
          levels:
            - notify: [ { schedule: primary } ]
              channels: [sms, voice]
              delay: 5m
            - notify: [ { person: alice }, { slack-channel: C0123OPS } ]
              channels: [slack]
              delay: 1h
          repeat: 2
          final:
            action: notify-fallback
            notify: [ { person: bob } ]
            channels: [voice]
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
  void readsTheOnCallModel() throws IOException {
    OnCallDirectory onCall = load(VALID).onCall();

    Person alice = onCall.person("alice").orElseThrow();
    assertEquals("U0123ALICE", alice.slackUserId());
    assertEquals("+15555550100", alice.phone());
    assertEquals(List.of(PageChannel.SLACK, PageChannel.SMS), alice.preferredChannels());
    assertEquals(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Berlin")), alice.quietHours());
    Person bob = onCall.person("bob").orElseThrow();
    assertNull(bob.slackUserId());
    assertEquals(List.of(), bob.preferredChannels());
    assertNull(bob.quietHours());

    Schedule primary = onCall.schedule("primary").orElseThrow();
    assertEquals(Optional.of("alice"), primary.onCallAt(Instant.parse("2026-01-05T08:00:00Z")));
    assertEquals(Optional.of("bob"), primary.onCallAt(Instant.parse("2026-01-12T08:00:00Z")));
    assertEquals(Optional.of("alice"), primary.onCallAt(Instant.parse("2026-02-01T12:00:00Z")), "the override");
    assertEquals(Optional.of("bob"), primary.onCallAt(Instant.parse("2026-02-01T23:00:00Z")), "bob's week again");

    assertEquals(
        new EscalationPolicy(
            "default",
            List.of(
                new EscalationLevel(
                    List.of(new PageTarget(TargetKind.SCHEDULE, "primary")),
                    List.of(PageChannel.SMS, PageChannel.VOICE),
                    300),
                new EscalationLevel(
                    List.of(new PageTarget(TargetKind.PERSON, "alice"), new PageTarget(TargetKind.SLACK_CHANNEL, "C0123OPS")),
                    List.of(PageChannel.SLACK),
                    3600)),
            2,
            FinalAction.NOTIFY_FALLBACK,
            new EscalationLevel(List.of(new PageTarget(TargetKind.PERSON, "bob")), List.of(PageChannel.VOICE), 0)),
        onCall.policy("default").orElseThrow());
  }

  @Test
  void aPolicyWithoutFinalMarksUnacknowledgedAndDoesNotRepeat() throws IOException {
    OnCallDirectory onCall =
        load(
            """
            people: [ { name: alice, slack: U0123ALICE } ]
            escalation-policies:
              - name: short
                levels: [ { notify: [ { person: alice } ], channels: [ slack ], delay: 1s } ]
            """)
            .onCall();

    EscalationPolicy policy = onCall.policy("short").orElseThrow();
    assertEquals(0, policy.repeat());
    assertEquals(FinalAction.MARK_UNACKNOWLEDGED, policy.finalAction());
    assertNull(policy.fallback());
    assertEquals(1, policy.levels().get(0).delaySeconds());
  }

  @Test
  void withoutAFileThereAreNoRoutesAndTheDefaults() {
    OperatorConfig config = OperatorConfigLoader.load(null, Map.of());

    assertEquals(List.of(), config.routes());
    assertEquals(OperatorConfig.DEFAULT_FLAP_WINDOW, config.flapWindow());
    assertEquals(Optional.empty(), config.credentials(WebhookSource.ALERTMANAGER));
    assertEquals(Optional.empty(), config.file());
    assertTrue(config.onCall().people().isEmpty());
    assertTrue(config.onCall().schedules().isEmpty());
    assertTrue(config.onCall().policies().isEmpty());
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
    assertEquals("default", config.routes().get(0).escalationPolicy());
    assertTrue(config.onCall().policy("default").isPresent());
    assertTrue(config.onCall().schedule("primary").isPresent());
  }

  @Test
  void theDevModeExampleValidates() {
    OperatorConfig config = OperatorConfigLoader.loadBundled(OperatorConfigFactory.DEV_EXAMPLE, Map.of());

    assertEquals(List.of("critical-pages"), config.routes().stream().map(Route::name).toList());
    Route route = config.routes().get(0);
    assertEquals(Set.of(Severity.CRITICAL), route.match().severities());
    assertNull(route.runbook());
    assertEquals("critical", route.escalationPolicy());
    OnCallDirectory onCall = config.onCall();
    assertEquals(List.of("alice", "bob"), onCall.people().stream().map(Person::name).toList());
    for (Person person : onCall.people()) {
      assertTrue(person.phone().startsWith("+1555555010"), "a fiction number: " + person.name());
    }
    EscalationPolicy policy = onCall.policy("critical").orElseThrow();
    assertEquals(List.of(new PageTarget(TargetKind.SCHEDULE, "primary")), policy.levels().get(0).targets());
    assertEquals(
        List.of(new PageTarget(TargetKind.PERSON, "alice"), new PageTarget(TargetKind.PERSON, "bob")),
        policy.levels().get(1).targets());
    assertEquals(List.of(60L, 60L), policy.levels().stream().map(EscalationLevel::delaySeconds).toList());
    Schedule primary = onCall.schedule("primary").orElseThrow();
    assertEquals(Optional.of("alice"), primary.onCallAt(Instant.parse("2026-01-05T09:00:00Z")));
    assertEquals(Optional.of("bob"), primary.onCallAt(Instant.parse("2026-01-12T09:00:00Z")));
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
            "line 4: routes[1] 'disk-full': runbook: no runbook named 'restart-disk'; known: http-check, change-approval, cert-renewal"),
        Arguments.of(
            "unknown top-level key",
            "route:\n  - name: x\n",
            "line 1: unknown key 'route'; allowed: webhooks, incidents, people, schedules, escalation-policies, approver-groups, routes, certificates"),
        Arguments.of(
            "unknown route key",
            "routes:\n  - name: x\n    runbok: http-check\n",
            "line 3: routes[0] 'x': unknown key 'runbok'; allowed: name, match, dedupe, runbook, input, escalation"),
        Arguments.of(
            "unknown match key",
            "routes:\n  - name: x\n    match:\n      label: { a: b }\n",
            "line 4: routes[0] 'x': match: unknown key 'label'; allowed: source, severity, labels, labels-regex, labels-absent"),
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
            "escalation without policies",
            "routes:\n  - name: x\n    escalation: On Call\n",
            "line 3: routes[0] 'x': escalation: no escalation policy named 'On Call'; there are none; declare them under escalation-policies:"),
        Arguments.of(
            "unknown severity",
            "routes:\n  - name: x\n    match: { severity: [ critical, urgent ] }\n",
            "line 3: routes[0] 'x': match.severity: 'urgent' is not a severity; the severities are critical, error, warning, info, unknown"),
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

  /** Alice, reachable on every channel, in two lines. */
  private static final String ALICE = "people:\n  - { name: alice, slack: U0123ALICE, phone: \"+15555550100\" }\n";
  /** A daily schedule of alice, in lines 3 to 6. */
  private static final String PRIMARY =
      "schedules:\n  - name: primary\n    layers:\n"
          + "      - { rotation: daily, hand-off: { at: \"09:00\", zone: UTC }, start: 2026-01-05, members: [alice] }\n";
  /** The start of a policy, in lines 3 to 5; a level follows. */
  private static final String POLICY = "escalation-policies:\n  - name: default\n    levels:\n";
  private static final String LEVEL = "      - { notify: [ { person: alice } ], channels: [ slack ], delay: 5m }\n";

  static Stream<Arguments> oneOnCallProblem() {
    return Stream.of(
        Arguments.of(
            "unknown person key",
            "people:\n  - name: alice\n    slack: U0123ALICE\n    email: alice@example.com\n",
            "line 4: people[0] 'alice': unknown key 'email'; allowed: name, slack, phone, channels, quiet-hours"),
        Arguments.of(
            "person without contact",
            "people:\n  - name: alice\n",
            "line 2: people[0] 'alice': needs slack or phone, or both: Remedia cannot page someone it has no way to reach"),
        Arguments.of(
            "invalid person name",
            "people:\n  - { name: Alice, slack: U0123ALICE }\n",
            "line 2: people[0]: name: 'Alice' is not a valid person name; use " + NodeReader.NAME_RULE),
        Arguments.of(
            "duplicate person",
            "people:\n  - { name: alice, slack: U0123ALICE }\n  - { name: alice, slack: U0123ALIC2 }\n",
            "line 3: people[1] 'alice': name: people[0] already has this name; person names must be unique"),
        Arguments.of(
            "not a Slack member id",
            "people:\n  - { name: alice, slack: \"@alice\" }\n",
            "line 2: people[0] 'alice': slack: '@alice' is not a Slack member id; it looks like U0123ABCD (in Slack: the person's profile, More, Copy member ID)"),
        Arguments.of(
            "shared Slack member id",
            "people:\n  - { name: alice, slack: U0123ALICE }\n  - { name: bob, slack: U0123ALICE }\n",
            "line 3: people[1] 'bob': slack: people[0] 'alice' has this Slack member id too; each person needs their own, so a click in Slack names who answered"),
        Arguments.of(
            "not an E.164 number",
            "people:\n  - { name: alice, phone: \"0151 2345678\" }\n",
            "line 2: people[0] 'alice': phone: is not an E.164 phone number: a '+', the country code and the number, digits only, like +15555550100"),
        Arguments.of(
            "shared phone number",
            "people:\n  - { name: alice, phone: \"+15555550100\" }\n  - { name: bob, phone: \"+15555550100\" }\n",
            "line 3: people[1] 'bob': phone: people[0] 'alice' has this phone number too; each person needs their own, so an SMS reply names who answered"),
        Arguments.of(
            "unknown channel",
            "people:\n  - { name: alice, slack: U0123ALICE, channels: [ slack, pager ] }\n",
            "line 2: people[0] 'alice': channels: 'pager' is not a channel; the channels are slack, sms, voice"),
        Arguments.of(
            "channel listed twice",
            "people:\n  - { name: alice, slack: U0123ALICE, channels: [ slack, slack ] }\n",
            "line 2: people[0] 'alice': channels: 'slack' is listed twice"),
        Arguments.of(
            "preferred channel without its address",
            "people:\n  - { name: alice, slack: U0123ALICE, channels: [ slack, sms ] }\n",
            "line 2: people[0] 'alice': channels: sms needs a phone number (phone:)"),
        Arguments.of(
            "quiet hours without zone",
            "people:\n  - name: alice\n    slack: U0123ALICE\n    quiet-hours: { from: \"22:00\", to: \"07:00\" }\n",
            "line 4: people[0] 'alice': quiet-hours: zone is required"),
        Arguments.of(
            "quiet hours in an unknown zone",
            "people:\n  - name: alice\n    slack: U0123ALICE\n    quiet-hours: { from: \"22:00\", to: \"07:00\", zone: Berlin }\n",
            "line 4: people[0] 'alice': quiet-hours.zone: 'Berlin' is not a time zone; write its IANA name, like Europe/Berlin, or UTC"),
        Arguments.of(
            "quiet hours at a time that does not exist",
            "people:\n  - name: alice\n    slack: U0123ALICE\n    quiet-hours: { from: \"24:00\", to: \"07:00\", zone: UTC }\n",
            "line 4: people[0] 'alice': quiet-hours.from: '24:00' is not a time of day; write it like 09:00 or 22:30"),
        Arguments.of(
            "empty quiet hours",
            "people:\n  - name: alice\n    slack: U0123ALICE\n    quiet-hours: { from: \"07:00\", to: \"07:00\", zone: UTC }\n",
            "line 4: people[0] 'alice': quiet-hours: from and to are the same time, so the window is empty; leave quiet-hours out for none"),
        Arguments.of(
            "schedule without layers",
            ALICE + "schedules:\n  - name: primary\n",
            "line 4: schedules[0] 'primary': layers is required: at least one rotation"),
        Arguments.of(
            "schedule with an empty layer list",
            ALICE + "schedules:\n  - name: primary\n    layers: []\n",
            "line 5: schedules[0] 'primary': layers: needs at least one rotation"),
        Arguments.of(
            "unknown member",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: daily, hand-off: { at: \"09:00\", zone: UTC }, start: 2026-01-05, members: [alice, zoe] }\n",
            "line 6: schedules[0] 'primary': layers[0].members: no person named 'zoe'; known: alice"),
        Arguments.of(
            "member without people",
            "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: daily, hand-off: { at: \"09:00\", zone: UTC }, start: 2026-01-05, members: [zoe] }\n",
            "line 4: schedules[0] 'primary': layers[0].members: no person named 'zoe'; there are none; declare them under people:"),
        Arguments.of(
            "unknown rotation",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: monthly, hand-off: { at: \"09:00\", zone: UTC }, start: 2026-01-05, members: [alice] }\n",
            "line 6: schedules[0] 'primary': layers[0].rotation: 'monthly' is not a rotation; write daily or weekly"),
        Arguments.of(
            "weekly rotation without a day",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: weekly, hand-off: { at: \"09:00\", zone: UTC }, start: 2026-01-05, members: [alice] }\n",
            "line 6: schedules[0] 'primary': layers[0].hand-off: day is required for a weekly rotation, like day: monday"),
        Arguments.of(
            "weekly rotation starting on another day",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: weekly, hand-off: { at: \"09:00\", day: monday, zone: UTC }, start: 2026-01-06, members: [alice] }\n",
            "line 6: schedules[0] 'primary': layers[0].start: 2026-01-06 is a Tuesday, but the rotation hands off on Mondays; the first shift starts at a hand-off"),
        Arguments.of(
            "daily rotation with a day",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: daily, hand-off: { at: \"09:00\", day: monday, zone: UTC }, start: 2026-01-05, members: [alice] }\n",
            "line 6: schedules[0] 'primary': layers[0].hand-off.day: only a weekly rotation hands off on a day of the week; leave it out"),
        Arguments.of(
            "unknown day",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: weekly, hand-off: { at: \"09:00\", day: mon, zone: UTC }, start: 2026-01-05, members: [alice] }\n",
            "line 6: schedules[0] 'primary': layers[0].hand-off.day: 'mon' is not a day of the week; write it like monday"),
        Arguments.of(
            "start that is not a date",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: daily, hand-off: { at: \"09:00\", zone: UTC }, start: next monday, members: [alice] }\n",
            "line 6: schedules[0] 'primary': layers[0].start: 'next monday' is not a date; write it like 2026-01-05"),
        Arguments.of(
            "layer without members",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + "      - { rotation: daily, hand-off: { at: \"09:00\", zone: UTC }, start: 2026-01-05 }\n",
            "line 6: schedules[0] 'primary': layers[0]: members is required"),
        Arguments.of(
            "too many layers",
            ALICE + "schedules:\n  - name: primary\n    layers:\n"
                + ("      - { rotation: daily, hand-off: { at: \"09:00\", zone: UTC }, start: 2026-01-05, members: [alice] }\n").repeat(11),
            "line 6: schedules[0] 'primary': layers: has 11 items; at most 10 are allowed"),
        Arguments.of(
            "override that ends before it starts",
            ALICE + PRIMARY + "    overrides:\n      - { from: 2026-02-02T00:00:00Z, to: 2026-02-01T00:00:00Z, person: alice }\n",
            "line 8: schedules[0] 'primary': overrides[0].to: must be after from"),
        Arguments.of(
            "override without an offset",
            ALICE + PRIMARY + "    overrides:\n      - { from: \"2026-02-01T09:00\", to: 2026-02-02T00:00:00Z, person: alice }\n",
            "line 8: schedules[0] 'primary': overrides[0].from: '2026-02-01T09:00' is not an ISO-8601 time with an offset; write it like 2026-02-01T09:00:00+01:00 or 2026-02-01T08:00:00Z"),
        Arguments.of(
            "override by an unknown person",
            ALICE + PRIMARY + "    overrides:\n      - { from: 2026-02-01T00:00:00Z, to: 2026-02-02T00:00:00Z, person: bob }\n",
            "line 8: schedules[0] 'primary': overrides[0].person: no person named 'bob'; known: alice"),
        Arguments.of(
            "policy without levels",
            ALICE + "escalation-policies:\n  - name: default\n",
            "line 4: escalation-policies[0] 'default': levels is required: at least one level"),
        Arguments.of(
            "policy with an empty level list",
            ALICE + POLICY.replace("levels:\n", "levels: []\n"),
            "line 5: escalation-policies[0] 'default': levels: needs at least one level"),
        Arguments.of(
            "duplicate policy",
            ALICE + POLICY + LEVEL + "  - name: default\n    levels:\n" + LEVEL,
            "line 7: escalation-policies[1] 'default': name: escalation-policies[0] already has this name; escalation policy names must be unique"),
        Arguments.of(
            "unknown level key",
            ALICE + POLICY + "      - { notify: [ { person: alice } ], channels: [ slack ], delay: 5m, wait: 5m }\n",
            "line 6: escalation-policies[0] 'default': levels[0]: unknown key 'wait'; allowed: notify, channels, delay"),
        Arguments.of(
            "level without delay",
            ALICE + POLICY + "      - { notify: [ { person: alice } ], channels: [ slack ] }\n",
            "line 6: escalation-policies[0] 'default': levels[0]: delay is required"),
        Arguments.of(
            "delay under a second",
            ALICE + POLICY + LEVEL.replace("5m", "0s"),
            "line 6: escalation-policies[0] 'default': levels[0].delay: '0s' is too short; it must be from 1s to 24h"),
        Arguments.of(
            "delay over a day",
            ALICE + POLICY + LEVEL.replace("5m", "25h"),
            "line 6: escalation-policies[0] 'default': levels[0].delay: '25h' is too long; it must be from 1s to 24h"),
        Arguments.of(
            "level without channels",
            ALICE + POLICY + "      - { notify: [ { person: alice } ], channels: [], delay: 5m }\n",
            "line 6: escalation-policies[0] 'default': levels[0].channels: needs at least one channel"),
        Arguments.of(
            "level without targets",
            ALICE + POLICY + "      - { notify: [], channels: [ slack ], delay: 5m }\n",
            "line 6: escalation-policies[0] 'default': levels[0].notify: needs at least one target"),
        Arguments.of(
            "unknown person target",
            ALICE + POLICY + LEVEL.replace("person: alice", "person: zoe"),
            "line 6: escalation-policies[0] 'default': levels[0].notify[0].person: no person named 'zoe'; known: alice"),
        Arguments.of(
            "unknown schedule target",
            ALICE + POLICY + LEVEL.replace("person: alice", "schedule: secondary"),
            "line 6: escalation-policies[0] 'default': levels[0].notify[0].schedule: no schedule named 'secondary'; there are none; declare them under schedules:"),
        Arguments.of(
            "target naming two kinds",
            ALICE + POLICY + LEVEL.replace("person: alice", "person: alice, schedule: primary"),
            "line 6: escalation-policies[0] 'default': levels[0].notify[0]: names person and schedule; a target is exactly one of person, schedule or slack-channel"),
        Arguments.of(
            "target listed twice",
            ALICE + POLICY + LEVEL.replace("{ person: alice }", "{ person: alice }, { person: alice }"),
            "line 6: escalation-policies[0] 'default': levels[0].notify[1]: is listed twice in this level"),
        Arguments.of(
            "not a Slack channel id",
            ALICE + POLICY + LEVEL.replace("person: alice", "slack-channel: \"#ops\""),
            "line 6: escalation-policies[0] 'default': levels[0].notify[0].slack-channel: '#ops' is not a Slack channel id; it looks like C0123ABCD (in Slack: the channel's details, at the bottom)"),
        Arguments.of(
            "approver group's channel is not a Slack channel id",
            ALICE + "approver-groups:\n  - name: leads\n    members: [ { person: alice } ]\n    slack-channel: \"#leads\"\n",
            "line 6: approver-groups[0] 'leads': slack-channel: '#leads' is not a Slack channel id; it looks like C0123ABCD (in Slack: the channel's details, at the bottom)"),
        Arguments.of(
            "Slack channel without slack",
            ALICE + POLICY + "      - { notify: [ { slack-channel: C0123OPS } ], channels: [ sms, voice ], delay: 5m }\n",
            "line 6: escalation-policies[0] 'default': levels[0].notify[0].slack-channel: a Slack channel is paged over slack only, and this level's channels are sms, voice"),
        Arguments.of(
            "person unreachable on the level's channels",
            "people:\n  - { name: alice, slack: U0123ALICE }\n" + POLICY + LEVEL.replace("[ slack ]", "[ sms, voice ]"),
            "line 6: escalation-policies[0] 'default': levels[0].notify[0].person: 'alice' has no contact for this level's channels (sms, voice)"),
        Arguments.of(
            "schedule member unreachable on the level's channels",
            "people:\n  - { name: alice, slack: U0123ALICE }\n" + PRIMARY + POLICY
                + "      - { notify: [ { schedule: primary } ], channels: [ sms ], delay: 5m }\n",
            "line 10: escalation-policies[0] 'default': levels[0].notify[0].schedule: 'primary' can put alice on call, who has no contact for this level's channels (sms)"),
        Arguments.of(
            "too many levels",
            ALICE + POLICY + LEVEL.repeat(11),
            "line 6: escalation-policies[0] 'default': levels: has 11 items; at most 10 are allowed"),
        Arguments.of(
            "too many targets",
            "people:\n" + IntStream.range(0, 21).mapToObj(i -> "  - { name: p" + i + ", slack: U0123P" + i + " }\n").collect(Collectors.joining())
                + POLICY + "      - notify: [" + IntStream.range(0, 21).mapToObj(i -> "{ person: p" + i + " }").collect(Collectors.joining(", "))
                + "]\n        channels: [ slack ]\n        delay: 5m\n",
            "line 26: escalation-policies[0] 'default': levels[0].notify: has 21 items; at most 20 are allowed"),
        Arguments.of(
            "repeat over ten",
            ALICE + POLICY + LEVEL + "    repeat: 11\n",
            "line 7: escalation-policies[0] 'default': repeat: '11' is not a whole number from 0 to 10"),
        Arguments.of(
            "unknown final action",
            ALICE + POLICY + LEVEL + "    final: { action: give-up }\n",
            "line 7: escalation-policies[0] 'default': final.action: 'give-up' is not an action; write mark-unacknowledged or notify-fallback"),
        Arguments.of(
            "fallback without targets",
            ALICE + POLICY + LEVEL + "    final: { action: notify-fallback, channels: [ slack ] }\n",
            "line 7: escalation-policies[0] 'default': final: notify is required"),
        Arguments.of(
            "targets for marking unacknowledged",
            ALICE + POLICY + LEVEL + "    final: { action: mark-unacknowledged, notify: [ { person: alice } ] }\n",
            "line 7: escalation-policies[0] 'default': final.notify: is only for action notify-fallback"),
        Arguments.of(
            "route naming an unknown policy",
            ALICE + POLICY + LEVEL + "routes:\n  - name: x\n    escalation: pager\n",
            "line 9: routes[0] 'x': escalation: no escalation policy named 'pager'; known: default"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"oneProblem", "oneOnCallProblem"})
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
            file + " line 3: routes[0] 'a': runbook: no runbook named 'restart-disk'; known: http-check, change-approval, cert-renewal",
            file + " line 4: routes[1] 'a': name: routes[0] already has this name; route names must be unique",
            file + " line 5: routes[1] 'a': match.source: 'nagios' is not a source; the sources are alertmanager, grafana, datadog, events",
            file + " line 7: incidents.flap-window: 'forever' is not a duration; write it like 30s, 5m or 1h",
            file + " line 8: unknown key 'typo'; allowed: webhooks, incidents, people, schedules, escalation-policies, approver-groups, routes, certificates"),
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
  void phoneNumbersNeverAppearInErrorsOrToString() throws IOException {
    Path file =
        write(
            """
            people:
              - { name: alice, phone: "0049 151 0000000" }
              - { name: bob, phone: "+15555550199" }
              - { name: carol, phone: "+15555550199" }
            """);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(2, error.problems().size(), error.getMessage());
    for (String number : List.of("0049 151 0000000", "+15555550199", "5555550199")) {
      assertFalse(error.getMessage().contains(number), error.getMessage());
    }
    OperatorConfig config = load(VALID);
    String shown = config + " " + config.onCall().people();
    assertFalse(shown.contains("+1555555010"), shown);
    assertTrue(shown.contains("people=[alice, bob]"), shown);
  }

  @Test
  void reportsEveryOnCallProblemTogether() throws IOException {
    Path file =
        write(
            """
            people:
              - { name: alice, slack: U0123ALICE, channels: [ sms ] }
            schedules:
              - name: primary
                layers:
                  - { rotation: weekly, hand-off: { at: "9am", zone: UTC }, start: 2026-01-05, members: [ alice, zoe ] }
            escalation-policies:
              - name: default
                levels:
                  - { notify: [ { schedule: primary }, { person: bob } ], channels: [ slack ], delay: 5 minutes }
            routes:
              - name: page
                escalation: default
            """);

    OperatorConfigException error =
        assertThrows(OperatorConfigException.class, () -> OperatorConfigLoader.load(file, Map.of()));

    assertEquals(
        List.of(
            file + " line 2: people[0] 'alice': channels: sms needs a phone number (phone:)",
            file + " line 6: schedules[0] 'primary': layers[0].members: no person named 'zoe'; known: alice",
            file + " line 6: schedules[0] 'primary': layers[0].hand-off.at: '9am' is not a time of day; write it like 09:00 or 22:30",
            file + " line 6: schedules[0] 'primary': layers[0].hand-off: day is required for a weekly rotation, like day: monday",
            file + " line 10: escalation-policies[0] 'default': levels[0].delay: '5 minutes' is not a duration; write it like 30s, 5m or 1h",
            file + " line 10: escalation-policies[0] 'default': levels[0].notify[1].person: no person named 'bob'; known: alice"),
        error.problems());
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
            file + " line 3: routes[0] 'loop': runbook: no runbook named 'restart-disk'; known: http-check, change-approval, cert-renewal",
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
