package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Someone a level pages, with the contacts to try in order.
 *
 * @param person the person's name, or null for a Slack channel
 * @param target the level's target that led to them (a schedule's on-call, a person, a channel)
 * @param contacts the level's channels this recipient can be reached on, best first; empty when none
 * @param skipped why contacts were left out (an opted-out number, quiet hours), for the incident's
 *     timeline
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recipient(String person, PageTarget target, List<Contact> contacts, List<String> skipped) {

  /** A stable name for this recipient within a level. */
  public String key() {
    return person != null ? person : target.kind() + ":" + target.name();
  }
}
