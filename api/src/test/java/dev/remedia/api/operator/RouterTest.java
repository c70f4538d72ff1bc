package dev.remedia.api.operator;

import static dev.remedia.api.operator.Alerts.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.remedia.api.runbooks.RunbookInputReader;
import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.api.webhooks.WebhookSource;
import dev.remedia.workflows.incident.RouteDecision;
import dev.remedia.workflows.incident.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RouterTest {

  /** A person and the escalation policies the routes below name. */
  private static final String POLICIES =
      """
      people:
        - { name: alice, slack: U0123ABCD }
      escalation-policies:
        - name: default
          levels: [ { notify: [ { person: alice } ], channels: [ slack ], delay: 5m } ]
        - name: web-team
          levels: [ { notify: [ { person: alice } ], channels: [ slack ], delay: 5m } ]
      """;

  @TempDir Path dir;

  @Test
  void labelsMustBeEqual() throws IOException {
    Router router = router("routes:\n  - name: web\n    match: { labels: { alertname: WebsiteDown } }\n");

    assertEquals("web", routeOf(router, alert(WebhookSource.EVENTS, Map.of("alertname", "WebsiteDown"))));
    assertNull(routeOf(router, alert(WebhookSource.EVENTS, Map.of("alertname", "WebsiteDownish"))));
    assertNull(routeOf(router, alert(WebhookSource.EVENTS, Map.of())));
  }

  @Test
  void aRegexMustMatchTheWholeValue() throws IOException {
    Router router = router("routes:\n  - name: web\n    match: { labels-regex: { instance: \"web-[0-9]+:443\" } }\n");

    assertEquals("web", routeOf(router, alert(WebhookSource.EVENTS, Map.of("instance", "web-12:443"))));
    assertNull(routeOf(router, alert(WebhookSource.EVENTS, Map.of("instance", "old-web-12:443"))));
    assertNull(routeOf(router, alert(WebhookSource.EVENTS, Map.of("instance", "web-12:4430"))));
    assertNull(routeOf(router, alert(WebhookSource.EVENTS, Map.of())));
  }

  @Test
  void anAbsentLabelMustNotBeSet() throws IOException {
    Router router = router("routes:\n  - name: live\n    match: { labels-absent: [maintenance] }\n");

    assertEquals("live", routeOf(router, alert(WebhookSource.EVENTS, Map.of("team", "web"))));
    assertEquals("live", routeOf(router, alert(WebhookSource.EVENTS, Map.of("maintenance", ""))));
    assertNull(routeOf(router, alert(WebhookSource.EVENTS, Map.of("maintenance", "true"))));
  }

  @Test
  void theSourceMustBeTheOneNamed() throws IOException {
    Router router = router("routes:\n  - name: dd\n    match: { source: datadog }\n");

    assertEquals("dd", routeOf(router, alert(WebhookSource.DATADOG, Map.of())));
    assertNull(routeOf(router, alert(WebhookSource.GRAFANA, Map.of())));
  }

  @Test
  void theSeverityMustBeOneNamed() throws IOException {
    Router router =
        router(
            """
            routes:
              - name: page
                match: { severity: critical }
              - name: ticket
                match: { severity: [ error, warning ] }
            """);

    assertEquals("page", routeOf(router, alert(WebhookSource.EVENTS, Severity.CRITICAL)));
    assertEquals("ticket", routeOf(router, alert(WebhookSource.DATADOG, Severity.ERROR)));
    assertEquals("ticket", routeOf(router, alert(WebhookSource.ALERTMANAGER, Severity.WARNING)));
    assertNull(routeOf(router, alert(WebhookSource.GRAFANA, Severity.UNKNOWN)));
  }

  @Test
  void theFirstMatchingRouteWins() throws IOException {
    Router router =
        router(
            """
            routes:
              - name: prod-web
                match: { labels: { team: web, env: prod } }
              - name: web
                match: { labels: { team: web } }
              - name: everything
            """);

    assertEquals("prod-web", routeOf(router, alert(WebhookSource.EVENTS, Map.of("team", "web", "env", "prod"))));
    assertEquals("web", routeOf(router, alert(WebhookSource.EVENTS, Map.of("team", "web", "env", "dev"))));
    assertEquals("everything", routeOf(router, alert(WebhookSource.EVENTS, Map.of("team", "db"))));
  }

  @Test
  void anUnmatchedAlertIsUnroutedWithTheDefaultKey() throws IOException {
    Router router = router("routes:\n  - name: dd\n    match: { source: datadog }\n    dedupe: fingerprint\n");
    ReceivedAlert alert = alert(WebhookSource.EVENTS, Map.of());

    RoutedAlert routed = router.route(alert);

    assertEquals(new RoutedAlert(alert, "default-key", null), routed);
    assertEquals(RouteDecision.unrouted(), router.decide(routed));
  }

  @Test
  void withoutRoutesEveryAlertIsUnrouted() {
    Router router = new Router(OperatorConfigLoader.load(null, Map.of()), new RunbookInputReader());

    RoutedAlert routed = router.route(alert(WebhookSource.ALERTMANAGER, Map.of()));

    assertEquals("default-key", routed.dedupeKey());
    assertEquals(RouteDecision.unrouted(), router.decide(routed));
  }

  @Test
  void dedupeChoosesTheIncidentKey() throws IOException {
    Router router =
        router(
            """
            routes:
              - name: grouped
                match: { source: alertmanager }
                dedupe: group
              - name: per-alert
                match: { source: grafana }
                dedupe: fingerprint
              - name: per-host
                match: { source: datadog }
                dedupe: "host/{{labels.host}}/{{severity}}"
              - name: fallback
                match: { source: events }
                dedupe: "{{labels.host | default \\"\\"}}"
            """);

    assertEquals("group-1", router.route(alert(WebhookSource.ALERTMANAGER, Map.of())).dedupeKey());
    assertEquals("identity-1", router.route(alert(WebhookSource.GRAFANA, Map.of())).dedupeKey());
    assertEquals("host/db-1/critical", router.route(alert(WebhookSource.DATADOG, Map.of("host", "db-1"))).dedupeKey());
    assertEquals("default-key", router.route(alert(WebhookSource.EVENTS, Map.of())).dedupeKey(), "blank key");
    assertEquals(
        "default-key", router.route(alert(WebhookSource.DATADOG, Map.of())).dedupeKey(), "missing label");
  }

  @Test
  void theInputIsRenderedAndValidatedWithDefaults() throws IOException {
    Router router =
        router(
            POLICIES
                + """
            routes:
              - name: website-down
                runbook: http-check
                input:
                  url: "https://{{labels.instance | default \\"localhost\\"}}/health"
                  expectedStatus: 204
                escalation: web-team
            """);

    RouteDecision decision = router.decide(router.route(alert(WebhookSource.ALERTMANAGER, Map.of())));

    assertEquals(
        new RouteDecision(
            "website-down",
            "http-check",
            withoutEscalation(
                Map.of(
                    "url", "https://localhost/health",
                    "expectedStatus", 204,
                    "timeoutSeconds", 10,
                    "maxAttempts", 4)),
            null,
            "web-team"),
        decision);
  }

  @Test
  void aCertRenewalRouteCarriesTheEndpointAsItsExclusiveKey() throws IOException {
    Router router =
        router(
            "routes:\n"
                + "  - name: cert-expiring\n"
                + "    runbook: cert-renewal\n"
                + "    input:\n"
                + "      endpoint: \"{{labels.instance}}\"\n"
                + "      deployTarget: web\n");

    RouteDecision decision =
        router.decide(router.route(alert(WebhookSource.ALERTMANAGER, Map.of("instance", "Web.Example.org:443"))));

    assertEquals(null, decision.inputProblem());
    assertEquals("web.example.org:443", decision.runbookInput().get("endpoint"));
    assertEquals("cert-renewal:web.example.org:443", decision.exclusiveKey());
  }

  /** http-check's optional escalation input is rendered as null when the route leaves it out. */
  private static Map<String, Object> withoutEscalation(Map<String, Object> input) {
    Map<String, Object> rendered = new HashMap<>(input);
    rendered.put("escalation", null);
    return rendered;
  }

  @Test
  void aNumberFromALabelIsReadAsANumber() throws IOException {
    Router router =
        router(
            """
            routes:
              - name: check
                runbook: http-check
                input: { url: "http://{{labels.host}}/", maxAttempts: "{{labels.attempts}}" }
            """);

    RouteDecision decision =
        router.decide(router.route(alert(WebhookSource.EVENTS, Map.of("host", "db-1", "attempts", "2"))));

    assertEquals(2, decision.runbookInput().get("maxAttempts"));
    assertNull(decision.inputProblem());
  }

  @Test
  void aMissingLabelBecomesAnInputProblem() throws IOException {
    Router router =
        router(
            """
            routes:
              - name: website-down
                runbook: http-check
                input: { url: "https://{{labels.instance}}/health" }
            """);

    RoutedAlert routed = router.route(alert(WebhookSource.ALERTMANAGER, Map.of()));

    assertEquals(
        new RouteDecision(
            "website-down",
            "http-check",
            null,
            "cannot build the input of runbook 'http-check' from the alert: url: label 'instance' is not set on the alert",
            null),
        router.decide(routed));
    assertEquals("default-key", routed.dedupeKey());
  }

  @Test
  void anInputTheRunbookRefusesBecomesAnInputProblem() throws IOException {
    Router router =
        router(
            """
            routes:
              - name: website-down
                runbook: http-check
                input: { url: "{{labels.target}}", maxAttempts: "{{labels.attempts}}" }
            """);

    RouteDecision notHttp =
        router.decide(router.route(alert(WebhookSource.EVENTS, Map.of("target", "ftp://web-1/", "attempts", "3"))));
    RouteDecision notANumber =
        router.decide(router.route(alert(WebhookSource.EVENTS, Map.of("target", "http://web-1/", "attempts", "many"))));

    assertNull(notHttp.runbookInput());
    assertEquals(
        "cannot build the input of runbook 'http-check' from the alert: url must start with http:// or https://",
        notHttp.inputProblem());
    assertNull(notANumber.runbookInput());
    assertEquals(
        "cannot build the input of runbook 'http-check' from the alert: field 'maxAttempts' must be a whole number",
        notANumber.inputProblem());
  }

  @Test
  void aRouteWithoutRunbookNamesOnlyTheRoute() throws IOException {
    Router router = router(POLICIES + "routes:\n  - name: page-only\n    escalation: default\n");

    assertEquals(
        new RouteDecision("page-only", null, null, null, "default"),
        router.decide(router.route(alert(WebhookSource.DATADOG, Map.of()))));
  }

  private static String routeOf(Router router, ReceivedAlert alert) {
    return router.route(alert).routeName();
  }

  private Router router(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "remedia", ".yml");
    Files.writeString(file, yaml);
    return new Router(OperatorConfigLoader.load(file, Map.of()), new RunbookInputReader());
  }
}
