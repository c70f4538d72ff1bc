package dev.remedia.api.operator;

import dev.remedia.workflows.paging.PageChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a list of paging channels, best first, as people and escalation levels write them. */
final class ChannelListReader {

  /** The channels an operator can name; the console is dev mode's stand-in, never configured. */
  static final List<PageChannel> CONFIGURABLE = List.of(PageChannel.SLACK, PageChannel.SMS, PageChannel.VOICE);

  private static final List<String> NAMES =
      CONFIGURABLE.stream().map(ChannelListReader::name).toList();

  private final NodeReader nodes;

  ChannelListReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  /** The channels in order, possibly none; null after recording a problem. */
  List<PageChannel> read(Node node, String where) {
    List<Node> items = nodes.list(node, where, "channels, like [slack, sms, voice]", Integer.MAX_VALUE);
    if (items == null) {
      return null;
    }
    List<PageChannel> channels = new ArrayList<>();
    for (Node item : items) {
      String text = nodes.string(item, where);
      if (text == null) {
        return null;
      }
      int index = NAMES.indexOf(text);
      if (index < 0) {
        nodes.problem(item, where, "'" + text + "' is not a channel; the channels are " + String.join(", ", NAMES));
        return null;
      }
      if (channels.contains(CONFIGURABLE.get(index))) {
        nodes.problem(item, where, "'" + text + "' is listed twice");
        return null;
      }
      channels.add(CONFIGURABLE.get(index));
    }
    return channels;
  }

  /** How the configuration writes a channel: slack, sms, voice. */
  static String name(PageChannel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  static String names(List<PageChannel> channels) {
    return String.join(", ", channels.stream().map(ChannelListReader::name).toList());
  }
}
