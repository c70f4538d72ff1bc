package dev.remedia.api.operator;

import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.oncall.QuietHours;
import dev.remedia.api.operator.NodeReader.Entry;
import dev.remedia.workflows.paging.PageChannel;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code people:}, who Remedia can page and how. Phone numbers are personal data: problems say
 * what is wrong with one without quoting it.
 */
final class PeopleSection {

  private static final List<String> KEYS = List.of("name", "slack", "phone", "channels", "quiet-hours");
  private static final List<String> QUIET_HOURS_KEYS = List.of("from", "to", "zone");
  /** Slack member ids: U or W, then upper-case letters and digits. */
  private static final Pattern SLACK_MEMBER = Pattern.compile("[UW][A-Z0-9]{2,20}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

  private final NodeReader nodes;
  private final NamedList people;
  private final ChannelListReader channels;
  private final Map<String, String> slackOwners = new HashMap<>();
  private final Map<String, String> phoneOwners = new HashMap<>();

  PeopleSection(NodeReader nodes) {
    this.nodes = nodes;
    this.people = new NamedList(nodes, "people", "person", KEYS);
    this.channels = new ChannelListReader(nodes);
  }

  /** The people declared, whether or not the rest of their entry was valid. */
  NamedList names() {
    return people;
  }

  /** The valid people of {@code section} (or null). */
  List<Person> read(Entry section) {
    return people.read(section, this::person);
  }

  private Person person(NamedList.Item item) {
    String label = item.label();
    Map<String, Entry> fields = item.fields();
    boolean valid = true;
    String slack = null;
    Entry slackEntry = fields.get("slack");
    if (slackEntry != null) {
      slack = slack(slackEntry.value(), label);
      valid &= slack != null;
    }
    String phone = null;
    Entry phoneEntry = fields.get("phone");
    if (phoneEntry != null) {
      phone = phone(phoneEntry.value(), label);
      valid &= phone != null;
    }
    if (slackEntry == null && phoneEntry == null) {
      nodes.problem(item.node(), label,
          "needs slack or phone, or both: Remedia cannot page someone it has no way to reach");
      valid = false;
    }
    List<PageChannel> preferred = List.of();
    Entry channelsEntry = fields.get("channels");
    if (channelsEntry != null) {
      preferred = channels.read(channelsEntry.value(), label + ": channels");
      valid &= preferred != null && reachable(preferred, slackEntry != null, phoneEntry != null, channelsEntry, label);
    }
    QuietHours quietHours = null;
    Entry quietEntry = fields.get("quiet-hours");
    if (quietEntry != null) {
      quietHours = quietHours(quietEntry.value(), label + ": quiet-hours");
      valid &= quietHours != null;
    }
    return valid ? new Person(item.name(), slack, phone, preferred, quietHours) : null;
  }

  private String slack(Node node, String label) {
    String where = label + ": slack";
    String id = nodes.string(node, where);
    if (id == null) {
      return null;
    }
    if (!SLACK_MEMBER.matcher(id).matches()) {
      nodes.problem(node, where, "'" + id + "' is not a Slack member id; it looks like U0123ABCD "
          + "(in Slack: the person's profile, More, Copy member ID)");
      return null;
    }
    String owner = slackOwners.putIfAbsent(id, label);
    if (owner != null) {
      nodes.problem(node, where, owner + " has this Slack member id too; each person needs their own, "
          + "so a click in Slack names who answered");
      return null;
    }
    return id;
  }

  private String phone(Node node, String label) {
    String where = label + ": phone";
    String number = nodes.string(node, where);
    if (number == null) {
      return null;
    }
    if (!E164.matcher(number).matches()) {
      nodes.problem(node, where, "is not an E.164 phone number: a '+', the country code and the number, "
          + "digits only, like +15555550100");
      return null;
    }
    String owner = phoneOwners.putIfAbsent(number, label);
    if (owner != null) {
      nodes.problem(node, where, owner + " has this phone number too; each person needs their own, "
          + "so an SMS reply names who answered");
      return null;
    }
    return number;
  }

  /** A preferred channel must be one the person has an address for. */
  private boolean reachable(List<PageChannel> preferred, boolean hasSlack, boolean hasPhone, Entry at, String label) {
    boolean valid = true;
    for (PageChannel channel : preferred) {
      boolean missing = channel == PageChannel.SLACK ? !hasSlack : !hasPhone;
      if (missing) {
        nodes.problem(at.value(), label + ": channels", ChannelListReader.name(channel) + " needs "
            + (channel == PageChannel.SLACK ? "a Slack member id (slack:)" : "a phone number (phone:)"));
        valid = false;
      }
    }
    return valid;
  }

  private QuietHours quietHours(Node node, String where) {
    Map<String, Entry> fields = nodes.mapping(node, where, QUIET_HOURS_KEYS);
    if (fields == null) {
      return null;
    }
    boolean complete = nodes.required(fields, QUIET_HOURS_KEYS, node, where);
    LocalTime from = fields.containsKey("from") ? nodes.timeOfDay(fields.get("from").value(), where + ".from") : null;
    LocalTime to = fields.containsKey("to") ? nodes.timeOfDay(fields.get("to").value(), where + ".to") : null;
    ZoneId zone = fields.containsKey("zone") ? nodes.zone(fields.get("zone").value(), where + ".zone") : null;
    if (!complete || from == null || to == null || zone == null) {
      return null;
    }
    if (from.equals(to)) {
      nodes.problem(fields.get("to").value(), where, "from and to are the same time, so the window is empty; "
          + "leave quiet-hours out for none");
      return null;
    }
    return new QuietHours(from, to, zone);
  }
}
