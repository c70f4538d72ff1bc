package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.SettleAction;

/**
 * Someone answered a page from a channel.
 *
 * @param pageId the page answered (a Slack button's value, a call's page), or null for an SMS reply
 * @param replyCode the code from an SMS reply (ACK 4821), or null
 * @param responder who answered, as the channel knows them: a Slack user id or an E.164 number
 */
public record PageAnswer(
    PageChannel via, String pageId, String replyCode, String responder, SettleAction action) {}
