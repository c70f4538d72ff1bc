package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.PageChannel;

/**
 * A page as a channel sends it.
 *
 * @param address the Slack user or channel id, or the E.164 number; a name for the console
 * @param person the person's name, or null for a Slack channel
 * @param link where to read more (the incident in the API), or null
 * @param replyCode the digits an SMS reply names (ACK 4821)
 */
public record OutgoingPage(
    String pageId,
    PageChannel channel,
    String address,
    String person,
    String incidentId,
    String summary,
    String severity,
    String link,
    String replyCode) {}
