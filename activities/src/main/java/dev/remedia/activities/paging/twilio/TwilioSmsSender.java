package dev.remedia.activities.paging.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import dev.remedia.activities.paging.ChannelException;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.PageSender;
import dev.remedia.activities.paging.SentMessage;
import dev.remedia.activities.paging.SettleNotice;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.Settlement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Pages by SMS through Twilio: a short text with the reply code, delivery reported to {@code
 * /twilio/status}. Every text leaves from one long-code number, which Twilio lets send about one
 * segment a second, so that number is the pacing key and a page costs its segments.
 */
public final class TwilioSmsSender implements PageSender {

  /** How many recent messages to the same number {@link #findSent} looks through. */
  private static final int FIND_LIMIT = 100;

  private final TwilioRestClient client;
  private final PhoneNumber from;
  private final String statusCallback;

  /**
   * @param from the Twilio number texts leave from, E.164
   * @param publicUrl the https base URL Twilio reaches Remedia at
   */
  public TwilioSmsSender(TwilioRestClient client, String from, String publicUrl) {
    this.client = client;
    this.from = new PhoneNumber(from);
    this.statusCallback = TwilioCallbacks.url(publicUrl, TwilioCallbacks.SMS_STATUS);
  }

  @Override
  public PageChannel channel() {
    return PageChannel.SMS;
  }

  @Override
  public String paceKey(OutgoingPage page) {
    return from.getEndpoint();
  }

  @Override
  public int cost(OutgoingPage page) {
    return SmsSegments.count(SmsTexts.page(page));
  }

  @Override
  public SentMessage send(OutgoingPage page) throws ChannelException {
    return create(page.address(), SmsTexts.page(page), true);
  }

  @Override
  public SentMessage sendRollup(String address, List<OutgoingPage> pages) throws ChannelException {
    return create(address, SmsTexts.rollup(pages), true);
  }

  /**
   * Twilio's filter is on the sending time, which a text still queued there does not have yet; such a
   * text is not found, so a retry within seconds of a crash can still send a second one.
   */
  @Override
  public Optional<SentMessage> findSent(OutgoingPage page, Instant since) throws ChannelException {
    String instruction = SmsTexts.replyInstruction(page.replyCode());
    try {
      for (Message message :
          Message.reader()
              .setTo(new PhoneNumber(page.address()))
              .setFrom(from)
              .setDateSentAfter(since.atZone(ZoneOffset.UTC))
              .limit(FIND_LIMIT)
              .read(client)) {
        boolean recent = message.getDateCreated() == null || !message.getDateCreated().toInstant().isBefore(since);
        if (recent && message.getBody() != null && message.getBody().contains(instruction)) {
          return Optional.of(new SentMessage(message.getSid()));
        }
      }
      return Optional.empty();
    } catch (TwilioException e) {
      throw TwilioErrors.classify(e, "the list of texts sent to " + page.address());
    }
  }

  /** A short notice that paging stopped, and who stopped it; its delivery is not followed. */
  @Override
  public void settle(OutgoingPage page, SentMessage sent, Settlement settlement) throws ChannelException {
    create(page.address(), SmsTexts.settled(page, settlement), false);
  }

  @Override
  public boolean rollsUpNotices() {
    return true;
  }

  /** One short text for a burst of settlements: no one should get a text per acknowledged incident. */
  @Override
  public void settleRollup(String address, List<SettleNotice> notices) throws ChannelException {
    create(address, SmsTexts.settledRollup(notices), false);
  }

  private SentMessage create(String to, String body, boolean reportDelivery) throws ChannelException {
    MessageCreator creator = Message.creator(new PhoneNumber(to), from, body);
    if (reportDelivery) {
      creator.setStatusCallback(statusCallback);
    }
    try {
      return new SentMessage(creator.create(client).getSid());
    } catch (TwilioException e) {
      throw TwilioErrors.classify(e, "the SMS to " + to);
    }
  }
}
