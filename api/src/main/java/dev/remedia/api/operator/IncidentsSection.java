package dev.remedia.api.operator;

import dev.remedia.api.operator.NodeReader.Entry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads {@code incidents:}, the settings of incident workflows. */
final class IncidentsSection {

  private static final List<String> KEYS = List.of("flap-window");

  private final NodeReader nodes;

  IncidentsSection(NodeReader nodes) {
    this.nodes = nodes;
  }

  /** The flap window {@code section} (or null) sets, else the default. */
  Duration flapWindow(Entry section) {
    if (section == null) {
      return OperatorConfig.DEFAULT_FLAP_WINDOW;
    }
    Map<String, Entry> fields = nodes.mapping(section.value(), "incidents", KEYS);
    if (fields == null || !fields.containsKey("flap-window")) {
      return OperatorConfig.DEFAULT_FLAP_WINDOW;
    }
    Duration parsed =
        nodes.duration(
            fields.get("flap-window").value(), "incidents.flap-window", Duration.ZERO, OperatorConfig.MAX_FLAP_WINDOW);
    return parsed == null ? OperatorConfig.DEFAULT_FLAP_WINDOW : parsed;
  }
}
