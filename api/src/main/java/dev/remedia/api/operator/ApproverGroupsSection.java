package dev.remedia.api.operator;

import dev.remedia.activities.oncall.ApproverGroup;
import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.workflows.paging.PageTarget;
import dev.remedia.workflows.paging.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code approver-groups:}, who may decide approvals: people, and schedules whose on-call person
 * is a member while on call, with an optional Slack channel where requests are posted.
 */
final class ApproverGroupsSection {

  static final int MAX_MEMBERS = 50;

  private static final List<String> KEYS = List.of("name", "members", "slack-channel");
  private static final List<String> MEMBER_KEYS = List.of("person", "schedule");

  private final NodeReader nodes;
  private final NamedList groups;
  private final NamedList peopleNames;
  private final NamedList scheduleNames;

  ApproverGroupsSection(NodeReader nodes, NamedList peopleNames, NamedList scheduleNames) {
    this.nodes = nodes;
    this.groups = new NamedList(nodes, "approver-groups", "approver group", KEYS);
    this.peopleNames = peopleNames;
    this.scheduleNames = scheduleNames;
  }

  List<ApproverGroup> read(Entry section) {
    return groups.read(section, this::group);
  }

  private ApproverGroup group(NamedList.Item item) {
    String label = item.label();
    Map<String, Entry> fields = item.fields();
    if (!nodes.required(fields, List.of("members"), item.node(), label)) {
      return null;
    }
    List<PageTarget> members = members(fields.get("members").value(), label + ": members");
    String channel = null;
    Entry channelEntry = fields.get("slack-channel");
    if (channelEntry != null) {
      channel = nodes.string(channelEntry.value(), label + ": slack-channel");
      if (channel != null && !SlackChannels.isId(channel)) {
        nodes.problem(channelEntry.value(), label + ": slack-channel", SlackChannels.notAnId(channel));
        return null;
      }
    }
    return members == null || (channelEntry != null && channel == null)
        ? null
        : new ApproverGroup(item.name(), members, channel);
  }

  private List<PageTarget> members(Node node, String where) {
    List<Node> items =
        nodes.list(node, where, "members, like [{person: alice}, {schedule: primary}]", MAX_MEMBERS);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      nodes.problem(node, where, "needs at least one member");
      return null;
    }
    List<PageTarget> members = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PageTarget member = member(items.get(i), where + "[" + i + "]");
      if (member != null) {
        members.add(member);
      }
    }
    return members.size() == items.size() ? List.copyOf(members) : null;
  }

  private PageTarget member(Node node, String where) {
    Map<String, Entry> fields = nodes.mapping(node, where, MEMBER_KEYS);
    if (fields == null) {
      return null;
    }
    if (fields.size() != 1) {
      nodes.problem(node, where, "a member is exactly one of person or schedule");
      return null;
    }
    String key = fields.keySet().iterator().next();
    Node valueNode = fields.get(key).value();
    String name = nodes.string(valueNode, where + "." + key);
    if (name == null) {
      return null;
    }
    NamedList known = key.equals("person") ? peopleNames : scheduleNames;
    if (!known.names().contains(name)) {
      nodes.problem(valueNode, where + "." + key, "no " + key + " named '" + name + "'; " + known.known());
      return null;
    }
    return new PageTarget(key.equals("person") ? TargetKind.PERSON : TargetKind.SCHEDULE, name);
  }
}
