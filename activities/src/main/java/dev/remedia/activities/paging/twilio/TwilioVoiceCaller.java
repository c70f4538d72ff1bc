package dev.remedia.activities.paging.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.remedia.activities.paging.ChannelException;
import dev.remedia.activities.paging.OutgoingPage;
import dev.remedia.activities.paging.PageSender;
import dev.remedia.activities.paging.SentMessage;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.Settlement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Pages by phone call through Twilio: the call speaks the page and gathers one key (1 acknowledge,
 * 2 resolve). Answering machines are detected, and the end of the call is reported to {@code
 * /twilio/voice/status}, so voicemail and no answer count as not acknowledged.
 */
public final class TwilioVoiceCaller implements PageSender {

  /** Twilio's value for detecting a machine without waiting for the end of its greeting. */
  private static final String DETECT_MACHINES = "Enable";
  private static final int FIND_LIMIT = 20;

  private final TwilioRestClient client;
  private final PhoneNumber from;
  private final String publicUrl;
  private final String statusCallback;

  /**
   * @param from the Twilio number calls come from, E.164
   * @param publicUrl the https base URL Twilio reaches Remedia at
   */
  public TwilioVoiceCaller(TwilioRestClient client, String from, String publicUrl) {
    this.client = client;
    this.from = new PhoneNumber(from);
    this.publicUrl = publicUrl;
    this.statusCallback = TwilioCallbacks.url(publicUrl, TwilioCallbacks.VOICE_STATUS);
  }

  @Override
  public PageChannel channel() {
    return PageChannel.VOICE;
  }

  /** Calls leave from the same number as texts, and Twilio paces a number's calls too. */
  @Override
  public String paceKey(OutgoingPage page) {
    return from.getEndpoint();
  }

  @Override
  public SentMessage send(OutgoingPage page) throws ChannelException {
    return call(page.address(), VoiceScripts.page(page, publicUrl));
  }

  /** One call naming the count and the first page; its key press answers that first page only. */
  @Override
  public SentMessage sendRollup(String address, List<OutgoingPage> pages) throws ChannelException {
    return call(address, VoiceScripts.rollup(pages, publicUrl));
  }

  /**
   * A call carries nothing of the page, so any call from our number to the person since {@code since}
   * counts as this page's. Twilio's filter is on the start time, which a call still queued does not
   * have yet; such a call is not found.
   */
  @Override
  public Optional<SentMessage> findSent(OutgoingPage page, Instant since) throws ChannelException {
    try {
      for (Call call :
          Call.reader()
              .setTo(new PhoneNumber(page.address()))
              .setFrom(from)
              .setStartTimeAfter(since.atZone(ZoneOffset.UTC))
              .limit(FIND_LIMIT)
              .read(client)) {
        if (call.getDateCreated() == null || !call.getDateCreated().toInstant().isBefore(since)) {
          return Optional.of(new SentMessage(call.getSid()));
        }
      }
      return Optional.empty();
    } catch (TwilioException e) {
      throw TwilioErrors.classify(e, "the list of calls to " + page.address());
    }
  }

  /** A call cannot be changed after the fact; the person hears nothing more. */
  @Override
  public void settle(OutgoingPage page, SentMessage sent, Settlement settlement) {}

  private SentMessage call(String to, String twiml) throws ChannelException {
    try {
      Call call =
          Call.creator(new PhoneNumber(to), from, new Twiml(twiml))
              .setMachineDetection(DETECT_MACHINES)
              .setStatusCallback(statusCallback)
              .setStatusCallbackEvent(List.of("completed"))
              .create(client);
      return new SentMessage(call.getSid());
    } catch (TwilioException e) {
      throw TwilioErrors.classify(e, "the call to " + to);
    }
  }
}
