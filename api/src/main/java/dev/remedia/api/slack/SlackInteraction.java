package dev.remedia.api.slack;

/**
 * A verified button click: who clicked which button, and where to answer them.
 *
 * @param userId the Slack user id of the person who clicked
 * @param actionId the button's {@code action_id}, such as {@code page.acknowledge}
 * @param value the button's value (a page or approval id), or null when it has none
 * @param responseUrl where an ephemeral answer to the person can be posted, or null
 * @param reason what the person typed in the message's {@code approval.reason} field, or null
 * @param remoteAddress where the request came from, for the audit log
 */
record SlackInteraction(
    String userId, String actionId, String value, String responseUrl, String reason, String remoteAddress) {}
