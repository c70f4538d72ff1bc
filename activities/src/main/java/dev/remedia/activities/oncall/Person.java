package dev.remedia.activities.oncall;

import dev.remedia.workflows.paging.PageChannel;
import java.util.List;

/**
 * Someone Remedia can page.
 *
 * @param slackUserId the Slack member id (U…), or null
 * @param phone an E.164 number for SMS and voice, or null
 * @param preferredChannels the channels this person wants pages on, best first; empty means any
 * @param quietHours when this person is not paged as a named target, or null
 */
public record Person(
    String name, String slackUserId, String phone, List<PageChannel> preferredChannels, QuietHours quietHours) {

  public Person {
    preferredChannels = List.copyOf(preferredChannels);
  }

  /** Names the person without their contact details, which are personal data. */
  @Override
  public String toString() {
    return "Person[" + name + "]";
  }
}
