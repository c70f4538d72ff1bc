package dev.remedia.activities.paging.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.remedia.activities.paging.ChannelException;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.PageSender;
import dev.remedia.activities.paging.SentMessage;
import dev.remedia.activities.slack.SlackCalls;
import dev.remedia.activities.slack.SlackMessageRef;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.Settlement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pages over Slack with the official SDK: a Block Kit message with Acknowledge and Resolve buttons to a
 * person (by Slack user id, as a direct message from the app) or to a channel, updated once the page
 * is settled.
 */
public final class SlackPageSender implements PageSender {

  /** Messages read per {@code conversations.history} request while looking for a sent page. */
  private static final int HISTORY_PAGE_SIZE = 200;

  private final MethodsClient slack;

  /** @param slack a client that carries the bot token ({@code Slack#methods(token)}) */
  public SlackPageSender(MethodsClient slack) {
    this.slack = slack;
  }

  @Override
  public PageChannel channel() {
    return PageChannel.SLACK;
  }

  /** Slack takes about one message a second per conversation. */
  @Override
  public String paceKey(OutgoingPage page) {
    return page.address();
  }

  @Override
  public SentMessage send(OutgoingPage page) throws ChannelException {
    SlackMessageRef sent =
        SlackCalls.post(
            slack, page.address(), SlackPageMessages.text(page), SlackPageMessages.page(page), SlackPageMetadata.page(page));
    return new SentMessage(sent.ref());
  }

  @Override
  public SentMessage sendRollup(String address, List<OutgoingPage> pages) throws ChannelException {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("a rollup needs at least one page");
    }
    SlackMessageRef sent =
        SlackCalls.post(
            slack, address, SlackPageMessages.rollupText(pages), SlackPageMessages.rollup(pages), SlackPageMetadata.rollup(pages));
    return new SentMessage(new SlackMessageRef(sent.channel(), sent.ts(), true).ref());
  }

  /**
   * Reads the conversation's messages since {@code since} for one that carries this page's id, alone or
   * in a rollup. A person's address is a user id, whose direct-message conversation is opened first.
   */
  @Override
  public Optional<SentMessage> findSent(OutgoingPage page, Instant since) throws ChannelException {
    String channel = conversationOf(page.address());
    String oldest = since.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", since.getNano() / 1000);
    String cursor = null;
    do {
      String from = cursor;
      ConversationsHistoryResponse history =
          SlackCalls.run(
              "conversations.history",
              () ->
                  slack.conversationsHistory(
                      r ->
                          r.channel(channel)
                              .oldest(oldest)
                              .inclusive(true)
                              .includeAllMetadata(true)
                              .limit(HISTORY_PAGE_SIZE)
                              .cursor(from)));
      for (Message message : history.getMessages() == null ? List.<Message>of() : history.getMessages()) {
        if (SlackPageMetadata.isPage(message, page.pageId())) {
          return Optional.of(new SentMessage(new SlackMessageRef(channel, message.getTs()).ref()));
        }
        if (SlackPageMetadata.isRollupOf(message, page.pageId())) {
          return Optional.of(new SentMessage(new SlackMessageRef(channel, message.getTs(), true).ref()));
        }
      }
      cursor = history.getResponseMetadata() == null ? null : history.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isBlank());
    return Optional.empty();
  }

  /**
   * Replaces the page's buttons with who settled it, how and when. A rollup keeps its other rows: the
   * settlement goes into its thread instead.
   */
  @Override
  public void settle(OutgoingPage page, SentMessage sent, Settlement settlement) throws ChannelException {
    SlackMessageRef ref = SlackMessageRef.parse(sent.providerRef());
    if (ref.rollup()) {
      SlackCalls.run(
          "chat.postMessage",
          () ->
              slack.chatPostMessage(
                  r -> r.channel(ref.channel()).threadTs(ref.ts()).text(SlackPageMessages.settledText(page, settlement))));
      return;
    }
    SlackCalls.update(
        slack, ref, SlackPageMessages.settledText(page, settlement), SlackPageMessages.settled(page, settlement));
  }

  /** Channel ids (C, G, D) are conversations already; user ids (U, W) need their direct-message one. */
  private String conversationOf(String address) throws ChannelException {
    if (!address.startsWith("U") && !address.startsWith("W")) {
      return address;
    }
    return SlackCalls.run("conversations.open", () -> slack.conversationsOpen(r -> r.users(List.of(address))))
        .getChannel()
        .getId();
  }
}
