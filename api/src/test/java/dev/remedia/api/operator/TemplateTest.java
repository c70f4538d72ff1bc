package dev.remedia.api.operator;

import static dev.remedia.api.operator.Alerts.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.api.webhooks.WebhookSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  private final ReceivedAlert alert =
      alert(WebhookSource.ALERTMANAGER, Map.of("instance", "web-1:443", "empty", ""), Map.of("runbook", "wiki"));

  @Test
  void rendersEveryVariable() {
    Template template =
        Template.parse(
            "{{labels.instance}} {{ annotations.runbook }} {{source}} {{severity}} {{summary}} {{identity}} {{groupKey}}");

    assertEquals(
        "web-1:443 wiki alertmanager critical Website is down identity-1 group-1", template.render(alert));
  }

  @Test
  void aDefaultFillsAMissingOrEmptyValue() {
    assertEquals("localhost", Template.parse("{{labels.host | default \"localhost\"}}").render(alert));
    assertEquals("none", Template.parse("{{labels.empty|default \"none\"}}").render(alert));
    assertEquals("a \"b\" }}|", Template.parse("{{labels.x | default \"a \\\"b\\\" }}|\"}}").render(alert));
  }

  @Test
  void aMissingValueWithoutDefaultIsNamed() {
    TemplateException missing =
        assertThrows(TemplateException.class, () -> Template.parse("https://{{labels.host}}/").render(alert));
    assertEquals("label 'host' is not set on the alert", missing.getMessage());

    TemplateException annotation =
        assertThrows(TemplateException.class, () -> Template.parse("{{annotations.x}}").render(alert));
    assertEquals("annotation 'x' is not set on the alert", annotation.getMessage());
  }

  @Test
  void textWithoutPlaceholdersRendersAsWritten() {
    Template template = Template.parse("one { brace } and }} stray");

    assertEquals("one { brace } and }} stray", template.render(alert));
  }

  @Test
  void syntaxErrorsSayWhatIsWrong() {
    assertMessage("{{labels.x", "at position 0: '{{' is not closed by '}}'");
    assertMessage("a {{ }}", "at position 2: expected a variable after '{{'; the variables are " + Template.VARIABLES);
    assertMessage("{{label.x}}", "at position 0: unknown variable 'label.x'; the variables are " + Template.VARIABLES);
    assertMessage("{{labels.}}", "at position 0: 'labels.' needs a name after the dot, like labels.instance");
    assertMessage("{{labels.x | upper}}", "at position 0: only '| default \"...\"' may follow a variable");
    assertMessage("{{labels.x | default localhost}}", "at position 0: default needs a double-quoted value, like default \"localhost\"");
    assertMessage("{{labels.x | default \"open}}", "at position 0: the default value has no closing '\"'");
    assertMessage("{{labels.x y}}", "at position 0: unexpected 'y' at position 11; expected '}}'");
  }

  private static void assertMessage(String text, String message) {
    assertEquals(message, assertThrows(TemplateException.class, () -> Template.parse(text)).getMessage());
  }
}
