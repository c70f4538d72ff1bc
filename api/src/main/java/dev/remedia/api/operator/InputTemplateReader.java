package dev.remedia.api.operator;

import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.workflows.runbook.InputField;
import dev.remedia.workflows.runbook.RunbookDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a route's {@code input:}, the runbook input built from each alert: strings become templates,
 * plain numbers, booleans and null pass through, lists and mappings are read item by item.
 */
final class InputTemplateReader {

  /** Marks an input value that had a problem, already recorded. */
  private static final Object INVALID = new Object();

  private static final Set<Tag> PASS_THROUGH_TAGS = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private final NodeReader nodes;
  private final ScalarValues scalars = new ScalarValues();
  /** The input nodes being read, outermost first: an alias may make a node its own descendant. */
  private final Set<Node> inputPath = Collections.newSetFromMap(new IdentityHashMap<>());

  InputTemplateReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  /** The input of {@code runbook} (null when it is unknown), or null after recording its problems. */
  InputTemplate read(Node node, String label, RunbookDefinition runbook) {
    String where = label + ": input";
    Map<String, Entry> entries = nodes.entries(node, where);
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
        nodes.problem(field.getValue().key(), where, "unknown field '" + field.getKey() + "' for runbook '"
            + runbook.name() + "'; its fields are " + String.join(", ", known));
        valid = false;
        continue;
      }
      Object value = value(field.getValue().value(), where + "." + field.getKey());
      valid &= value != INVALID;
      fields.put(field.getKey(), value);
    }
    inputPath.remove(node);
    return valid ? new InputTemplate(fields) : null;
  }

  /** Records a problem at {@code at} for each field {@code runbook} requires that {@code input} lacks. */
  void requireInputs(RunbookDefinition runbook, InputTemplate input, Node at, String label) {
    for (var component : runbook.inputType().getRecordComponents()) {
      InputField field = component.getAnnotation(InputField.class);
      if (field != null && field.required() && !input.fieldNames().contains(component.getName())) {
        nodes.problem(at, label, "input: runbook '" + runbook.name() + "' needs " + component.getName());
      }
    }
  }

  private Object value(Node node, String where) {
    if (!inputPath.add(node)) {
      nodes.problem(node, where, "contains itself through an alias; the input must be a tree");
      return INVALID;
    }
    try {
      return valueOnce(node, where);
    } finally {
      inputPath.remove(node);
    }
  }

  private Object valueOnce(Node node, String where) {
    if (NodeReader.looksLikeUnquotedTemplate(node)) {
      nodes.problem(node, where, NodeReader.UNQUOTED_TEMPLATE);
      return INVALID;
    }
    if (node instanceof ScalarNode scalar) {
      Tag tag = scalar.getTag();
      if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
        try {
          return Template.parse(scalar.getValue());
        } catch (TemplateException e) {
          nodes.problem(node, where, e.getMessage());
          return INVALID;
        }
      }
      if (PASS_THROUGH_TAGS.contains(tag)) {
        return scalars.value(scalar);
      }
      nodes.problem(node, where, "the tag " + tag + " is not supported; quote the value to pass it as a string");
      return INVALID;
    }
    if (node instanceof SequenceNode list) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < list.getValue().size(); i++) {
        Object value = value(list.getValue().get(i), where + "[" + i + "]");
        if (value == INVALID) {
          return INVALID;
        }
        values.add(value);
      }
      return values;
    }
    Map<String, Entry> entries = nodes.entries(node, where);
    if (entries == null) {
      return INVALID;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Entry> entry : entries.entrySet()) {
      Object value = value(entry.getValue().value(), where + "." + entry.getKey());
      if (value == INVALID) {
        return INVALID;
      }
      values.put(entry.getKey(), value);
    }
    return values;
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
