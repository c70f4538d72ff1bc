package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An acknowledgement or resolution: who, how and when.
 *
 * @param by the person's name, or the monitor's source for a resolution it sent
 * @param via how it arrived: slack, sms, voice, api, console or the monitor's source
 * @param fromPage true when it answered a page (Slack button, SMS reply, key press), so the
 *     escalation tells the incident; false when the incident itself passes it on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settlement(SettleAction action, String by, String via, long atMillis, boolean fromPage) {}
