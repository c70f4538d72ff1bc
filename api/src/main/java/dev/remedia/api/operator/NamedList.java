package dev.remedia.api.operator;

import dev.remedia.api.operator.NodeReader.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a top-level list whose items are mappings with a unique {@code name}: routes, people, schedules,
 * escalation policies. It labels each item by position and name ({@code routes[2] 'disk-full'}), checks
 * the names, and remembers the names declared, so references to an item whose other fields have
 * problems are not reported a second time.
 */
final class NamedList {

  /**
   * One item, its name and fields read.
   *
   * @param index its position in the list, from 0
   * @param name its name as written; the item is dropped when it is not a valid name
   * @param label how problems name it, like {@code routes[2] 'disk-full'}
   * @param fields its fields, every key known
   */
  record Item(int index, String name, String label, MappingNode node, Map<String, Entry> fields) {}

  /** Reads the fields of one item; returns null after recording its problems. */
  @FunctionalInterface
  interface ItemReader<T> {
    T read(Item item);
  }

  private final NodeReader nodes;
  private final String section;
  private final String noun;
  private final List<String> keys;
  private final Map<String, Integer> names = new LinkedHashMap<>();

  /**
   * @param section the top-level key, like {@code routes}
   * @param noun what one item is, like {@code route} or {@code escalation policy}
   * @param keys the keys an item may have, {@code name} first
   */
  NamedList(NodeReader nodes, String section, String noun, List<String> keys) {
    this.nodes = nodes;
    this.section = section;
    this.noun = noun;
    this.keys = keys;
  }

  /** The items that were read without problems, in file order. */
  <T> List<T> read(Entry entry, ItemReader<T> reader) {
    List<T> items = new ArrayList<>();
    if (entry == null) {
      return items;
    }
    List<Node> nodesOfItems =
        nodes.list(entry.value(), section, section + " (each item starting with '- name:')", Integer.MAX_VALUE);
    if (nodesOfItems == null) {
      return items;
    }
    for (int i = 0; i < nodesOfItems.size(); i++) {
      T item = item(i, nodesOfItems.get(i), reader);
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** The well-formed names declared so far, whether or not the rest of their item was valid. */
  Set<String> names() {
    return names.keySet();
  }

  /** Names what is declared, for a message about a reference to something that is not. */
  String known() {
    return names.isEmpty()
        ? "there are none; declare them under " + section + ":"
        : "known: " + String.join(", ", names.keySet());
  }

  private <T> T item(int index, Node node, ItemReader<T> reader) {
    String label = section + "[" + index + "]";
    if (!(node instanceof MappingNode mapping)) {
      nodes.problem(node, label, "must be a mapping with " + keyList() + ", not " + NodeReader.kind(node));
      return null;
    }
    String name = NodeReader.peekName(mapping);
    boolean nameValid = NodeReader.isName(name);
    if (nameValid) {
      label += " '" + name + "'";
    }
    Map<String, Entry> fields = nodes.mapping(node, label, keys);
    if (fields == null) {
      return null;
    }
    Entry nameEntry = fields.get("name");
    if (nameEntry == null) {
      nodes.problem(node, label, "name is required");
    } else if (nodes.string(nameEntry.value(), label + ": name") != null && !nameValid) {
      nodes.problem(nameEntry.value(), label,
          "name: '" + name + "' is not a valid " + noun + " name; use " + NodeReader.NAME_RULE);
    } else if (nameValid && names.containsKey(name)) {
      nodes.problem(nameEntry.value(), label,
          "name: " + section + "[" + names.get(name) + "] already has this name; " + noun + " names must be unique");
    } else if (nameValid) {
      names.put(name, index);
    }
    T item = reader.read(new Item(index, name, label, mapping, fields));
    return nameValid ? item : null;
  }

  private String keyList() {
    return String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
  }
}
