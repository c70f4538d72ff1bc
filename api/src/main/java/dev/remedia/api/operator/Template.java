package dev.remedia.api.operator;

import dev.remedia.api.webhooks.ReceivedAlert;
import dev.remedia.workflows.incident.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text with {@code {{ variable }}} placeholders filled from an alert, optionally with a fallback:
 * {@code {{labels.instance | default "localhost"}}}. There are no expressions: a placeholder names one
 * value, so a template can never run code.
 *
 * <p>Variables: {@code labels.<name>}, {@code annotations.<name>}, {@code source}, {@code severity},
 * {@code summary}, {@code identity}, {@code groupKey}. A label or annotation whose value is empty counts
 * as not set, as in Prometheus.
 */
public final class Template {

  static final String VARIABLES =
      "labels.<name>, annotations.<name>, source, severity, summary, identity, groupKey";

  private final String text;
  private final List<Part> parts;

  private Template(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /** Parses a template; the exception's message says what is wrong and where. */
  public static Template parse(String text) {
    return new Parser(text).parse();
  }

  /** Fills the placeholders from the alert; throws when a value without a default is not set. */
  public String render(ReceivedAlert alert) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else {
        Placeholder placeholder = (Placeholder) part;
        String value = placeholder.variable().valueIn(alert);
        if (value == null || value.isEmpty()) {
          if (placeholder.fallback() == null) {
            throw new TemplateException(placeholder.variable().missing());
          }
          value = placeholder.fallback();
        }
        out.append(value);
      }
    }
    return out.toString();
  }

  /** The template as written. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  private sealed interface Part permits Literal, Placeholder {}

  private record Literal(String text) implements Part {}

  private record Placeholder(Variable variable, String fallback) implements Part {}

  private enum Kind {
    LABEL,
    ANNOTATION,
    SOURCE,
    SEVERITY,
    SUMMARY,
    IDENTITY,
    GROUP_KEY
  }

  private record Variable(Kind kind, String name) {

    static Variable of(String reference) {
      if (reference.startsWith("labels.")) {
        return keyed(Kind.LABEL, reference, "labels.");
      }
      if (reference.startsWith("annotations.")) {
        return keyed(Kind.ANNOTATION, reference, "annotations.");
      }
      return switch (reference) {
        case "source" -> new Variable(Kind.SOURCE, null);
        case "severity" -> new Variable(Kind.SEVERITY, null);
        case "summary" -> new Variable(Kind.SUMMARY, null);
        case "identity" -> new Variable(Kind.IDENTITY, null);
        case "groupKey" -> new Variable(Kind.GROUP_KEY, null);
        default -> throw new TemplateException(
            "unknown variable '" + reference + "'; the variables are " + VARIABLES);
      };
    }

    private static Variable keyed(Kind kind, String reference, String prefix) {
      String name = reference.substring(prefix.length());
      if (name.isEmpty()) {
        throw new TemplateException("'" + reference + "' needs a name after the dot, like " + prefix + "instance");
      }
      return new Variable(kind, name);
    }

    String valueIn(ReceivedAlert alert) {
      return switch (kind) {
        case LABEL -> lookup(alert.labels(), name);
        case ANNOTATION -> lookup(alert.annotations(), name);
        case SOURCE -> alert.source() == null ? null : alert.source().id();
        case SEVERITY -> (alert.severity() == null ? Severity.UNKNOWN : alert.severity())
            .name()
            .toLowerCase(Locale.ROOT);
        case SUMMARY -> alert.summary();
        case IDENTITY -> alert.identity();
        case GROUP_KEY -> alert.groupKey();
      };
    }

    String missing() {
      return switch (kind) {
        case LABEL -> "label '" + name + "' is not set on the alert";
        case ANNOTATION -> "annotation '" + name + "' is not set on the alert";
        case SOURCE -> "source is not set on the alert";
        case SEVERITY -> "severity is not set on the alert";
        case SUMMARY -> "summary is not set on the alert";
        case IDENTITY -> "identity is not set on the alert";
        case GROUP_KEY -> "groupKey is not set on the alert (only Alertmanager and Grafana send one)";
      };
    }

    private static String lookup(Map<String, String> values, String key) {
      return values == null ? null : values.get(key);
    }
  }

  /** A hand-written scanner: the grammar is small and its errors should point at a position. */
  private static final class Parser {

    private final String text;
    private final List<Part> parts = new ArrayList<>();
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Template parse() {
      if (text == null) {
        throw new TemplateException("a template must be a string");
      }
      StringBuilder literal = new StringBuilder();
      while (pos < text.length()) {
        if (text.startsWith("{{", pos)) {
          if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
          }
          parts.add(placeholder());
        } else {
          literal.append(text.charAt(pos++));
        }
      }
      if (!literal.isEmpty()) {
        parts.add(new Literal(literal.toString()));
      }
      return new Template(text, parts);
    }

    private Placeholder placeholder() {
      int open = pos;
      pos += 2;
      skipSpaces();
      int start = pos;
      while (pos < text.length() && isNameChar(text.charAt(pos))) {
        pos++;
      }
      String reference = text.substring(start, pos);
      if (reference.isEmpty()) {
        if (pos >= text.length()) {
          throw unclosed(open);
        }
        throw error(open, "expected a variable after '{{'; the variables are " + VARIABLES);
      }
      Variable variable;
      try {
        variable = Variable.of(reference);
      } catch (TemplateException e) {
        throw error(open, e.getMessage());
      }
      skipSpaces();
      String fallback = null;
      if (pos < text.length() && text.charAt(pos) == '|') {
        pos++;
        skipSpaces();
        if (!text.startsWith("default", pos)) {
          throw error(open, "only '| default \"...\"' may follow a variable");
        }
        pos += "default".length();
        skipSpaces();
        fallback = quoted(open);
        skipSpaces();
      }
      if (!text.startsWith("}}", pos)) {
        if (pos >= text.length()) {
          throw unclosed(open);
        }
        throw error(open, "unexpected '" + text.charAt(pos) + "' at position " + pos + "; expected '}}'");
      }
      pos += 2;
      return new Placeholder(variable, fallback);
    }

    private String quoted(int open) {
      if (pos >= text.length() || text.charAt(pos) != '"') {
        throw error(open, "default needs a double-quoted value, like default \"localhost\"");
      }
      pos++;
      StringBuilder value = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\' && pos < text.length()) {
          char escaped = text.charAt(pos++);
          if (escaped != '"' && escaped != '\\') {
            throw error(open, "only \\\" and \\\\ may be escaped in a default value");
          }
          c = escaped;
        }
        value.append(c);
      }
      throw error(open, "the default value has no closing '\"'");
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private static boolean isNameChar(char c) {
      return !Character.isWhitespace(c) && c != '|' && c != '{' && c != '}' && c != '"';
    }

    private TemplateException unclosed(int open) {
      return error(open, "'{{' is not closed by '}}'");
    }

    private TemplateException error(int open, String problem) {
      return new TemplateException("at position " + open + ": " + problem);
    }
  }
}
