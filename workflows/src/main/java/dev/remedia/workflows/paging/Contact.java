package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where one channel reaches a recipient.
 *
 * @param address a Slack user or channel id, or an E.164 phone number; a name for the console
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(PageChannel channel, String address) {}
