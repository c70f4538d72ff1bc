package dev.remedia.activities.paging;

import dev.remedia.activities.oncall.OnCallDirectory;
import dev.remedia.activities.oncall.Person;
import dev.remedia.activities.store.SmsOptOutStore;
import dev.remedia.workflows.paging.Contact;
import dev.remedia.workflows.paging.EscalationLevel;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageTarget;
import dev.remedia.workflows.paging.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a level's targets into people and the contacts to try, best first, with a note for each
 * contact left out so the incident's timeline can say why someone was not paged somewhere.
 */
final class RecipientResolver {

  private final Supplier<OnCallDirectory> directory;
  private final SmsOptOutStore optOuts;
  private final Set<PageChannel> configured;

  /** @param configured the channels with a sender; CONSOLE among them stands in for the others */
  RecipientResolver(Supplier<OnCallDirectory> directory, SmsOptOutStore optOuts, Set<PageChannel> configured) {
    this.directory = directory;
    this.optOuts = optOuts;
    this.configured = Set.copyOf(configured);
  }

  /**
   * The level's recipients, one per key: a person reached through two targets is paged once, through
   * the target that gives them contacts.
   */
  List<Recipient> resolve(EscalationLevel level, Instant at) {
    OnCallDirectory people = directory.get();
    Map<String, Recipient> byKey = new LinkedHashMap<>();
    for (PageTarget target : level.targets()) {
      Recipient recipient = resolve(people, target, level.channels(), at);
      byKey.merge(recipient.key(), recipient, (first, later) -> first.contacts().isEmpty() ? later : first);
    }
    return List.copyOf(byKey.values());
  }

  private Recipient resolve(OnCallDirectory people, PageTarget target, List<PageChannel> channels, Instant at) {
    return switch (target.kind()) {
      // Whoever a schedule has on call is paged even in their quiet hours: taking the shift is
      // agreeing to be woken. Quiet hours only protect people named directly in a policy.
      case SCHEDULE -> people.onCall(target.name(), at)
          .map(person -> reach(person, target, channels, new ArrayList<>()))
          .orElseGet(() -> nobody(target, "schedule " + target.name() + " has nobody on call at " + at));
      case PERSON -> people.person(target.name())
          .map(person -> named(person, target, channels, at))
          .orElseGet(() -> nobody(target, "no person named " + target.name() + " in the configuration"));
      case SLACK_CHANNEL -> slackChannel(target);
    };
  }

  private Recipient named(Person person, PageTarget target, List<PageChannel> channels, Instant at) {
    if (person.quietHours() != null && person.quietHours().covers(at)) {
      return new Recipient(
          person.name(), target, List.of(), List.of(person.name() + ": in quiet hours, not paged as a named target"));
    }
    return reach(person, target, channels, new ArrayList<>());
  }

  private Recipient reach(Person person, PageTarget target, List<PageChannel> channels, List<String> skipped) {
    Set<Contact> contacts = new LinkedHashSet<>();
    for (PageChannel channel : preferred(person, channels)) {
      Optional<String> address = address(person, channel);
      if (address.isEmpty()) {
        skipped.add(person.name() + ": no " + (channel == PageChannel.SLACK ? "Slack user id" : "phone number")
            + " for " + name(channel));
      } else if (channel == PageChannel.SMS && optOuts.optedOut(address.get())) {
        skipped.add(person.name() + ": the number opted out of SMS (STOP)");
      } else {
        deliverable(channel, address.get(), person.name(), person.name(), skipped).ifPresent(contacts::add);
      }
    }
    return new Recipient(person.name(), target, List.copyOf(contacts), List.copyOf(skipped));
  }

  private Recipient slackChannel(PageTarget target) {
    List<String> skipped = new ArrayList<>();
    List<Contact> contacts =
        deliverable(PageChannel.SLACK, target.name(), target.name(), "Slack channel " + target.name(), skipped)
            .stream()
            .toList();
    return new Recipient(null, target, contacts, List.copyOf(skipped));
  }

  /**
   * The level's channels in the person's order of preference, keeping only those they prefer; a person
   * who prefers none of them gets the level's channels in the level's order.
   */
  private static List<PageChannel> preferred(Person person, List<PageChannel> channels) {
    List<PageChannel> wanted = person.preferredChannels().stream().filter(channels::contains).toList();
    return wanted.isEmpty() ? channels : wanted;
  }

  private static Optional<String> address(Person person, PageChannel channel) {
    return Optional.ofNullable(
        switch (channel) {
          case SLACK -> person.slackUserId();
          case SMS, VOICE -> person.phone();
          case CONSOLE -> person.name();
        });
  }

  /**
   * The contact on a channel with a sender. In dev mode the console stands in for every channel
   * without one, addressed by {@code consoleName} (a person's or Slack channel's) so no phone number
   * is ever logged.
   *
   * @param who names the recipient in the note when the channel is not configured
   */
  private Optional<Contact> deliverable(
      PageChannel channel, String address, String consoleName, String who, List<String> skipped) {
    if (configured.contains(channel)) {
      return Optional.of(new Contact(channel, address));
    }
    if (configured.contains(PageChannel.CONSOLE)) {
      return Optional.of(new Contact(PageChannel.CONSOLE, consoleName));
    }
    skipped.add(who + ": " + name(channel) + " is not configured");
    return Optional.empty();
  }

  private static Recipient nobody(PageTarget target, String why) {
    return new Recipient(null, target, List.of(), List.of(why));
  }

  private static String name(PageChannel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
