package dev.remedia.activities.paging;

/**
 * The channel's handle on what it sent, kept to update or match it later.
 *
 * @param providerRef Slack's {@code channel:ts}, Twilio's message or call SID, the console's page id
 */
public record SentMessage(String providerRef) {}
