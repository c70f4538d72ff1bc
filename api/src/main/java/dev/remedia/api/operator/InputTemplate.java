package dev.remedia.api.operator;

import dev.remedia.api.webhooks.ReceivedAlert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A route's runbook input as written: strings are templates, other YAML values (numbers, booleans,
 * null) pass through unchanged, lists and mappings are rendered item by item.
 */
public final class InputTemplate {

  public static final InputTemplate EMPTY = new InputTemplate(Map.of());

  private final Map<String, Object> fields;

  InputTemplate(Map<String, Object> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The field names given. */
  public Set<String> fieldNames() {
    return fields.keySet();
  }

  /**
   * Renders every field for the alert. A value that cannot render throws a {@link TemplateException}
   * whose message starts with the field, like {@code url: label 'instance' is not set on the alert}.
   */
  public Map<String, Object> render(ReceivedAlert alert) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      rendered.put(field.getKey(), render(field.getKey(), field.getValue(), alert));
    }
    return rendered;
  }

  private static Object render(String path, Object value, ReceivedAlert alert) {
    if (value instanceof Template template) {
      try {
        return template.render(alert);
      } catch (TemplateException e) {
        throw new TemplateException(path + ": " + e.getMessage());
      }
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> rendered = new LinkedHashMap<>();
      map.forEach((key, item) -> rendered.put((String) key, render(path + "." + key, item, alert)));
      return rendered;
    }
    if (value instanceof List<?> list) {
      List<Object> rendered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        rendered.add(render(path + "[" + i + "]", list.get(i), alert));
      }
      return rendered;
    }
    return value;
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
